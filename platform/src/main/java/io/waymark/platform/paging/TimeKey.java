package io.waymark.platform.paging;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** A place in a collection ordered by time, then id (newest first: timelines). */
public record TimeKey(OffsetDateTime at, UUID id) {

    /** After every real entry: where the first page of a newest-first collection starts. */
    public static final TimeKey NEWEST = new TimeKey(OffsetDateTime.of(9999, 12, 31, 0, 0, 0, 0, ZoneOffset.UTC),
            new UUID(-1L, -1L));
}
