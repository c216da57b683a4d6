package io.waymark.feedback.domain.summary;

import java.time.DayOfWeek;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.Optional;

/** The length of a summary's intervals; they start as PostgreSQL's {@code date_trunc} in UTC starts them. */
public enum Interval {
    DAY, WEEK, MONTH;

    public String sqlUnit() {
        return name().toLowerCase();
    }

    public static Optional<Interval> parse(String text) {
        return Arrays.stream(values()).filter(i -> i.sqlUnit().equals(text)).findFirst();
    }

    /** The start of the interval {@code at} falls in (weeks start on Monday, ISO 8601). */
    public OffsetDateTime start(OffsetDateTime at) {
        OffsetDateTime day = at.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS);
        return switch (this) {
            case DAY -> day;
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> day.withDayOfMonth(1);
        };
    }

    public OffsetDateTime next(OffsetDateTime start) {
        return switch (this) {
            case DAY -> start.plusDays(1);
            case WEEK -> start.plusWeeks(1);
            case MONTH -> start.plusMonths(1);
        };
    }
}
