package io.waymark.platform.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.vertx.mutiny.sqlclient.Pool;
import io.waymark.contracts.EventType;
import io.waymark.testing.DevstackTestResource;
import io.waymark.testing.KafkaTopics;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.junit.jupiter.api.Test;

/** Outbox rows recorded on a reactive SQL transaction: they commit with it (in list order) or not at all. */
@QuarkusTest
@WithTestResource(DevstackTestResource.class)
class OutboxOnConnectionTest {

    private static final EventType TYPE = new EventType("test.recorded", 1);

    @Inject
    Outbox outbox;

    @Inject
    Pool pool;

    @Test
    void eventsRecordedInACommittedTransactionArePublishedInTheirOrder() throws Exception {
        String topic = "on-connection-" + UUID.randomUUID();
        UUID subject = UUID.randomUUID();
        List<Outbox.Pending> events = List.of(new Outbox.Pending(topic, TYPE, subject, 1, Map.of("n", 1)),
                new Outbox.Pending(topic, TYPE, subject, 2, Map.of("n", 2)),
                new Outbox.Pending(topic, TYPE, subject, 3, Map.of("n", 3)));
        pool.withTransaction(tx -> outbox.recordAll(tx, events)).await().atMost(Duration.ofSeconds(10));

        List<ConsumerRecord<String, String>> records;
        try (KafkaCompanion kafka = KafkaTopics.companion()) {
            records = kafka.consumeStrings().withOffsetReset(OffsetResetStrategy.EARLIEST).fromTopics("test." + topic, 3)
                    .awaitCompletion(Duration.ofSeconds(30)).getRecords();
        }
        ObjectMapper json = new ObjectMapper();
        for (int i = 0; i < 3; i++) {
            JsonNode event = json.readTree(records.get(i).value());
            assertEquals(subject.toString(), records.get(i).key());
            assertEquals("io.waymark.test.recorded.v1", event.path("type").asText());
            assertEquals(i + 1, event.path("aggregateversion").asInt());
            assertEquals(i + 1, event.path("data").path("n").asInt(), "published in the order recorded");
        }
    }

    @Test
    void eventsOfARolledBackTransactionAreNotKept() throws Exception {
        String topic = "rolled-back-" + UUID.randomUUID();
        assertThrows(IllegalStateException.class, () -> pool.withTransaction(tx -> outbox.recordAll(tx,
                        List.of(new Outbox.Pending(topic, TYPE, UUID.randomUUID(), 1, Map.of("n", 1))))
                .flatMap(v -> Uni.createFrom().failure(new IllegalStateException("the change failed"))))
                .await().atMost(Duration.ofSeconds(10)));
        assertEquals(0, io.waymark.testing.TestDatabase.count(OutboxRows.DATABASE,
                "select count(*) from outbox_event where topic = ?", topic));
    }
}
