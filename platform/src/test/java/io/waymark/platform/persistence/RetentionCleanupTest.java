package io.waymark.platform.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.waymark.testing.DevstackTestResource;
import io.waymark.testing.TestDatabase;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Published outbox rows and inbox rows go after their retention, in bounded batches; nothing else does. */
@QuarkusTest
@WithTestResource(DevstackTestResource.class)
class RetentionCleanupTest {

    private static final String DB = "platform_test";

    @Inject
    RetentionCleanup cleanup;

    private static void outboxRow(String tag, String publishedAgo, String createdAgo) throws Exception {
        try (Connection c = TestDatabase.superuser(DB)) {
            c.createStatement().execute("insert into outbox_event (event_id, topic, message_key, type, payload, created_at, "
                    + "published_at, parked_at) values ('" + UUID.randomUUID() + "', 'cleanup', '" + tag + "', 't', 'p', "
                    + "now() - interval '" + createdAgo + "', "
                    + (publishedAgo == null ? "null" : "now() - interval '" + publishedAgo + "'")
                    // parked, so the running relay leaves the unpublished one alone
                    + ", " + (publishedAgo == null ? "now()" : "null") + ")");
        }
    }

    @Test
    void deletesOldPublishedRowsAndOldInboxRowsOnly() throws Exception {
        String tag = "cleanup-" + UUID.randomUUID();
        for (int i = 0; i < 5; i++) {
            outboxRow(tag, "8 days", "8 days");
        }
        outboxRow(tag, "1 hour", "1 hour");
        outboxRow(tag, null, "30 days");
        UUID oldEvent = UUID.randomUUID();
        UUID recentEvent = UUID.randomUUID();
        try (Connection c = TestDatabase.superuser(DB)) {
            c.createStatement().execute("insert into inbox_event values ('" + oldEvent + "', 'c', now() - interval '15 days'), "
                    + "('" + recentEvent + "', 'c', now() - interval '13 days')");
        }

        long deleted = cleanup.cleanUp().await().atMost(Duration.ofSeconds(30));

        assertTrue(deleted >= 6, "5 old outbox rows and 1 old inbox row, in batches of 2; deleted " + deleted);
        assertEquals(2, TestDatabase.count(DB, "select count(*) from outbox_event where message_key = ?", tag),
                "the recent published row and the unpublished one stay");
        assertEquals(0, TestDatabase.count(DB, "select count(*) from inbox_event where event_id = ?", oldEvent));
        assertEquals(1, TestDatabase.count(DB, "select count(*) from inbox_event where event_id = ?", recentEvent));
    }
}
