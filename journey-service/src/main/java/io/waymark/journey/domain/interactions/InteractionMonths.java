package io.waymark.journey.domain.interactions;

import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;

/** Interactions are kept and dropped by whole months (UTC) of when they occurred. */
public final class InteractionMonths {

    private InteractionMonths() {
    }

    public static YearMonth of(OffsetDateTime at) {
        return YearMonth.from(at.withOffsetSameInstant(ZoneOffset.UTC));
    }

    /** The first month kept: the current month and {@code retentionMonths} before it. */
    public static YearMonth oldestKept(OffsetDateTime now, int retentionMonths) {
        return of(now).minusMonths(retentionMonths);
    }

    public static OffsetDateTime start(YearMonth month) {
        return month.atDay(1).atStartOfDay().atOffset(ZoneOffset.UTC);
    }
}
