package io.waymark.journey.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.waymark.testing.DevstackTestResource;
import io.waymark.testing.TestDatabase;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Whole months are created ahead and dropped past retention, with their idempotency keys. */
@QuarkusTest
@WithTestResource(DevstackTestResource.class)
class InteractionPartitionsTest {

    private static final String DB = "journey_test";

    @Inject
    InteractionPartitions partitions;

    private static long count(String sql, Object... params) throws Exception {
        return TestDatabase.count(DB, sql, params);
    }

    @Test
    void theRetentionWindowExistsAndOlderMonthsGoWithTheirKeys() throws Exception {
        // at start the service made the months of its window and the next two
        YearMonth now = YearMonth.now(java.time.ZoneOffset.UTC);
        assertEquals(1, count("select count(*) from pg_class where relname = ?", InteractionPartitions.name(now.plusMonths(2))));
        assertEquals(1, count("select count(*) from pg_class where relname = ?", InteractionPartitions.name(now.minusMonths(13))));

        YearMonth old = YearMonth.of(2001, 3);
        partitions.ensureRange(old, old.plusMonths(1)).await().atMost(Duration.ofSeconds(10));
        UUID inOld = UUID.randomUUID();
        UUID inNext = UUID.randomUUID();
        try (Connection c = TestDatabase.superuser(DB)) {
            for (Object[] row : List.of(new Object[] {inOld, "2001-03-15T10:00:00Z"}, new Object[] {inNext, "2001-04-02T10:00:00Z"})) {
                var st = c.prepareStatement("insert into interaction (id, customer_id, type, channel, occurred_at, received_at) "
                        + "values (?, ?, 'page_view', 'web', ?::timestamptz, now())");
                st.setObject(1, row[0]);
                st.setObject(2, UUID.randomUUID());
                st.setString(3, (String) row[1]);
                st.execute();
                var key = c.prepareStatement("insert into interaction_key (id, occurred_at) values (?, ?::timestamptz)");
                key.setObject(1, row[0]);
                key.setString(2, (String) row[1]);
                key.execute();
            }
        }

        List<YearMonth> dropped = partitions.dropBefore(old.plusMonths(1)).await().atMost(Duration.ofSeconds(30));
        assertTrue(dropped.contains(old), "dropped " + dropped);
        assertEquals(0, count("select count(*) from pg_class where relname = ?", InteractionPartitions.name(old)));
        assertEquals(0, count("select count(*) from interaction_key where id = ?", inOld));
        assertEquals(1, count("select count(*) from interaction_key where id = ?", inNext), "the next month stays");
        assertEquals(1, count("select count(*) from interaction where id = ?", inNext));
        partitions.dropBefore(old.plusMonths(2)).await().atMost(Duration.ofSeconds(30));
        assertEquals(0, count("select count(*) from interaction_key where id = ?", inNext));
    }
}
