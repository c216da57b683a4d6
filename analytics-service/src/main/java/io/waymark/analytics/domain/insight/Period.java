package io.waymark.analytics.domain.insight;

import io.waymark.platform.domain.Invalid;
import io.waymark.platform.domain.Invalid.FieldError;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The days an answer covers, both included, in UTC: {@code from} and {@code to} as dates ({@code 2026-09-01})
 * or times with an offset (then their UTC day); by default the last 90 days up to today.
 */
public record Period(LocalDate from, LocalDate to) {

    public static final int DEFAULT_DAYS = 90;
    static final LocalDate EARLIEST = LocalDate.of(1970, 1, 1);
    static final LocalDate LATEST = LocalDate.of(9999, 12, 31);
    static final int MAX_DAYS = 3660;

    public static Period parse(String from, String to, LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate end = day(to, "to", errors, today);
        LocalDate start = day(from, "from", errors, end == null ? today.minusDays(DEFAULT_DAYS - 1) : end.minusDays(DEFAULT_DAYS - 1));
        if (errors.isEmpty() && start.isAfter(end)) {
            errors.add(new FieldError("from", "must not be after to"));
        }
        if (errors.isEmpty() && start.plusDays(MAX_DAYS).isBefore(end)) {
            errors.add(new FieldError("from", "a period is at most " + MAX_DAYS + " days"));
        }
        if (!errors.isEmpty()) {
            throw new Invalid("invalid period", errors);
        }
        return new Period(start, end);
    }

    public long days() {
        return to.toEpochDay() - from.toEpochDay() + 1;
    }

    private static LocalDate day(String text, String field, List<FieldError> errors, LocalDate fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        LocalDate day;
        try {
            day = text.trim().length() == 10 ? LocalDate.parse(text.trim())
                    : OffsetDateTime.parse(text.trim()).withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "a date (2026-09-01) or a time with an offset (2026-09-01T08:00:00Z)"));
            return null;
        }
        if (day.isBefore(EARLIEST) || day.isAfter(LATEST)) {
            errors.add(new FieldError(field, "between 1970-01-01 and 9999-12-31"));
            return null;
        }
        return day;
    }
}
