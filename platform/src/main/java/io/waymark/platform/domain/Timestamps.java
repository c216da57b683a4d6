package io.waymark.platform.domain;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** Times as the services keep them. */
public final class Timestamps {

    private Timestamps() {
    }

    /**
     * Now in UTC, to the microsecond: what PostgreSQL keeps, so an answer carries the same time a later read
     * returns.
     */
    public static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
