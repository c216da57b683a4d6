package io.waymark.platform.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class FactTimesTest {

    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-11-30T12:00:00Z");

    @Test
    void aPastTimeIsKeptInUtcToTheMicrosecond() {
        assertNull(FactTimes.past("firstSeenAt", null, NOW));
        assertEquals(OffsetDateTime.parse("2026-08-01T08:00:00.123456Z"),
                FactTimes.past("firstSeenAt", OffsetDateTime.parse("2026-08-01T10:00:00.1234567+02:00"), NOW));
        assertEquals(FactTimes.EARLIEST, FactTimes.past("x", FactTimes.EARLIEST, NOW));
    }

    @Test
    void aClockALittleAheadIsNowAndTheFutureOrBefore1970IsInvalid() {
        assertEquals(NOW, FactTimes.past("respondedAt", NOW.plusMinutes(4), NOW));
        Invalid future = assertThrows(Invalid.class, () -> FactTimes.past("respondedAt", NOW.plusMinutes(6), NOW));
        assertEquals("respondedAt", future.errors().get(0).field());
        Invalid old = assertThrows(Invalid.class,
                () -> FactTimes.past("firstSeenAt", OffsetDateTime.of(1969, 12, 31, 23, 59, 59, 0, ZoneOffset.UTC), NOW));
        assertEquals("firstSeenAt", old.errors().get(0).field());
    }

    @Test
    void withinClampsToItsBounds() {
        OffsetDateTime since = NOW.minusDays(10);
        assertEquals(NOW.minusDays(5), FactTimes.within(NOW.minusDays(5), since, NOW));
        assertEquals(since, FactTimes.within(NOW.minusDays(50), since, NOW), "not before the stage began");
        assertEquals(NOW, FactTimes.within(NOW.plusDays(1), since, NOW), "not after now");
        assertEquals(NOW, FactTimes.within(null, since, NOW), "no time: now");
        assertEquals(NOW, FactTimes.within(NOW.minusDays(1), NOW.plusSeconds(1), NOW), "a stage begun 'after now' (a clock step) gives now");
    }
}
