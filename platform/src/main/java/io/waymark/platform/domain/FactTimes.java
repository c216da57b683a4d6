package io.waymark.platform.domain;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * When a fact happened, as a client tells it for a fact it reports late: a customer first seen in another
 * system, an answer imported from a survey tool, a replayed history (docs/decisions/015). Such a time lies in
 * the past: from {@link #EARLIEST} (where the API's periods begin) up to now, with {@link #CLOCK_SKEW} allowed
 * for a sender whose clock runs a little ahead (such a time is taken as now).
 */
public final class FactTimes {

    public static final OffsetDateTime EARLIEST = OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
    public static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private FactTimes() {
    }

    /**
     * The time a client gave for {@code field}, in UTC to the microsecond and never after {@code now}; null when
     * none was given. Before 1970 or more than {@link #CLOCK_SKEW} ahead of {@code now} is {@link Invalid}.
     */
    public static OffsetDateTime past(String field, OffsetDateTime given, OffsetDateTime now) {
        if (given == null) {
            return null;
        }
        if (given.isBefore(EARLIEST)) {
            throw Invalid.field(field, "must not be before 1970-01-01T00:00:00Z");
        }
        if (given.isAfter(now.plus(CLOCK_SKEW))) {
            throw Invalid.field(field, "must not be in the future (it is a time something already happened; "
                    + "clocks may be up to " + CLOCK_SKEW.toMinutes() + " minutes ahead)");
        }
        OffsetDateTime utc = given.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        return utc.isAfter(now) ? now : utc;
    }

    /**
     * {@code at} moved into {@code [earliest, latest]}: a consequence (a lifecycle rule's move) takes the time of
     * the fact that caused it, but never before what it follows (the customer's current stage began) nor after now.
     */
    public static OffsetDateTime within(OffsetDateTime at, OffsetDateTime earliest, OffsetDateTime latest) {
        if (at == null || at.isAfter(latest)) {
            return latest;
        }
        if (earliest != null && at.isBefore(earliest)) {
            return earliest.isAfter(latest) ? latest : earliest;
        }
        return at.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
