package io.waymark.platform.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.waymark.platform.domain.Invalid;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class PageQueryTest {

    @Test
    void defaultsAndLimits() {
        assertEquals(Page.DEFAULT_LIMIT, PageQuery.parse(null, null).limit());
        assertEquals(200, PageQuery.parse("200", "").limit());
        for (String bad : new String[] {"0", "201", "abc", "-1", "1.5"}) {
            Invalid e = assertThrows(Invalid.class, () -> PageQuery.parse(bad, null), bad);
            assertEquals("limit", e.errors().get(0).field());
        }
        assertEquals("cursor", assertThrows(Invalid.class, () -> PageQuery.parse("5", "bogus")).errors().get(0).field());
    }

    @Test
    void aPageFromLimitPlusOneRowsPointsAfterItsLastItem() {
        List<UUID> rows = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        Page<UUID> page = Page.of(rows, PageQuery.first(2), Function.identity());
        assertEquals(rows.subList(0, 2), page.items());
        assertEquals(rows.get(1), PageQuery.parse("2", page.next()).after());
        Page<UUID> last = Page.of(rows.subList(0, 2), PageQuery.first(2), Function.identity());
        assertNull(last.next());
    }

    @Test
    void newestFirstPagesCarryTheTimeAndIdOfTheirLastEntry() {
        java.time.OffsetDateTime t = java.time.OffsetDateTime.parse("2026-11-30T09:15:00.123456Z");
        List<TimeKey> rows = List.of(new TimeKey(t, UUID.randomUUID()), new TimeKey(t, UUID.randomUUID()),
                new TimeKey(t.minusDays(1), UUID.randomUUID()));
        TimePageQuery first = TimePageQuery.parse("2", null);
        assertEquals(TimeKey.NEWEST, first.before());
        Page<TimeKey> page = Page.ofTimes(rows, first, Function.identity());
        assertEquals(rows.subList(0, 2), page.items());
        TimeKey next = TimePageQuery.parse("2", page.next()).before();
        assertEquals(rows.get(1), next, "the time survives to the microsecond");
        assertNull(Page.ofTimes(rows.subList(0, 1), first, Function.identity()).next());
        for (String bad : new String[] {"bogus", Cursors.encodeId(UUID.randomUUID()), "dDp4Ong"}) {
            assertEquals("cursor", assertThrows(Invalid.class, () -> TimePageQuery.parse("5", bad)).errors().get(0).field(), bad);
        }
        assertEquals("limit", assertThrows(Invalid.class, () -> TimePageQuery.parse("0", null)).errors().get(0).field());
    }
}
