package io.waymark.platform.outbox;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.vertx.mutiny.core.Vertx;
import io.waymark.testing.DevstackTestResource;
import io.waymark.testing.KafkaTopics;
import io.waymark.testing.TestDatabase;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.junit.jupiter.api.Test;

/** The relay against the real PostgreSQL and Kafka: wake-up, order, poison rows, two relays, clean-up. */
@QuarkusTest
@WithTestResource(DevstackTestResource.class)
class OutboxRelayTest {

    @Inject
    OutboxRelay relay;

    @Inject
    Vertx vertx;

    @Inject
    @Channel("outbox")
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 2048)
    MutinyEmitter<String> emitter;

    @Inject
    OutboxConfig config;

    @Inject
    MeterRegistry registry;

    @Inject
    OutboxMonitor monitor;

    @ConfigProperty(name = "quarkus.datasource.reactive.url")
    String url;

    private static String topic() {
        return "relay-test-" + UUID.randomUUID();
    }

    private static List<ConsumerRecord<String, String>> consume(String topic, int count) {
        try (KafkaCompanion kafka = KafkaTopics.companion()) {
            return kafka.consumeStrings().withOffsetReset(OffsetResetStrategy.EARLIEST).fromTopics("test." + topic, count).awaitCompletion(Duration.ofSeconds(30))
                    .getRecords();
        }
    }

    @Test
    void publishesABacklogInOrderAndMarksEveryRow() throws Exception {
        String topic = topic();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            ids.add(OutboxRows.insert(topic, "key-" + (i % 3), "event-" + i));
        }
        List<ConsumerRecord<String, String>> records = consume(topic, 30);
        for (String key : List.of("key-0", "key-1", "key-2")) {
            List<Integer> order = records.stream().filter(r -> r.key().equals(key))
                    .map(r -> Integer.parseInt(r.value().substring("event-".length()))).toList();
            assertEquals(order.stream().sorted().toList(), order, "one key's events keep their order");
            assertEquals(10, order.size());
        }
        for (long id : ids) {
            await().atMost(Duration.ofSeconds(10)).until(() -> OutboxRows.timestamp(id, "published_at") != null);
        }
    }

    @Test
    void wakesRightAfterTheCommitNotAtTheNextPoll() throws Exception {
        String topic = topic();
        OutboxRows.insert(topic, "k", "warm-up");
        consume(topic, 1);
        long id = OutboxRows.insert(topic, "k", "now");
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(10))
                .until(() -> OutboxRows.timestamp(id, "published_at") != null);
        OffsetDateTime created = OutboxRows.timestamp(id, "created_at");
        OffsetDateTime published = OutboxRows.timestamp(id, "published_at");
        long millis = Duration.between(created, published).toMillis();
        assertTrue(millis < 500, "published " + millis + " ms after the commit (the poll runs every second)");
    }

    @Test
    void parksAPoisonRowWithItsErrorAndKeepsItsKeyInOrder() throws Exception {
        String topic = topic();
        // larger than the producer's max.request.size (1 MiB): Kafka refuses this record itself
        long poison = OutboxRows.insert(topic, "poisoned", "x".repeat(1_100_000));
        long behind = OutboxRows.insert(topic, "poisoned", "behind the poison");
        long other = OutboxRows.insert(topic, "healthy", "another key");

        await().atMost(Duration.ofSeconds(10)).until(() -> OutboxRows.timestamp(other, "published_at") != null);
        await().atMost(Duration.ofSeconds(20)).until(() -> OutboxRows.timestamp(poison, "parked_at") != null);
        await().atMost(Duration.ofSeconds(10)).until(() -> OutboxRows.timestamp(behind, "published_at") != null);

        assertEquals(config.maxAttempts(), TestDatabase.count(OutboxRows.DATABASE,
                "select attempts from outbox_event where id = ?", poison));
        assertEquals(1, TestDatabase.count(OutboxRows.DATABASE,
                "select count(*) from outbox_event where id = ? and last_error like '%RecordTooLarge%' "
                        + "and published_at is null", poison));
        assertFalse(OutboxRows.timestamp(behind, "published_at").isBefore(OutboxRows.timestamp(poison, "parked_at")),
                "the row behind the poison waited for it to be parked");
        try (KafkaCompanion kafka = KafkaTopics.companion()) {
            List<String> poisonedKey = kafka.consumeStrings().withOffsetReset(OffsetResetStrategy.EARLIEST)
                    .fromTopics("test." + topic, Duration.ofSeconds(3)).awaitCompletion(Duration.ofSeconds(10))
                    .getRecords().stream().filter(r -> r.key().equals("poisoned")).map(ConsumerRecord::value).toList();
            assertEquals(List.of("behind the poison"), poisonedKey,
                    "the row behind the poison reached Kafka once, never ahead of it");
        }
        assertTrue(monitor.stats().await().atMost(Duration.ofSeconds(5)).parked() >= 1, "parked rows are reported");
    }

    @Test
    void onlyOneRelayRelaysAndAnotherTakesOverWhenItStops() throws Exception {
        OutboxRelay second = new OutboxRelay(vertx, emitter, config, url, "platform", "waymark", Optional.of("test."),
                registry);
        try {
            await().atMost(Duration.ofSeconds(10)).until(relay::isLeader);
            second.start();
            Thread.sleep(500);
            assertFalse(second.isLeader(), "a second relay must wait while the first holds the lock");

            relay.stop();
            await().atMost(Duration.ofSeconds(10)).until(() -> {
                second.wake();
                return second.isLeader();
            });
            String topic = topic();
            long id = OutboxRows.insert(topic, "k", "relayed by the second");
            assertEquals("relayed by the second", consume(topic, 1).get(0).value());
            await().atMost(Duration.ofSeconds(5)).until(() -> OutboxRows.timestamp(id, "published_at") != null);
        } finally {
            second.stop();
            relay.start();
            await().atMost(Duration.ofSeconds(10)).until(() -> {
                relay.wake();
                return relay.isLeader();
            });
        }
    }

    @Test
    void metricsShowTheBacklog() {
        assertNotNull(registry.find("waymark.outbox.backlog").gauge());
        assertNotNull(registry.find("waymark.outbox.oldest.age.seconds").gauge());
        assertNotNull(registry.find("waymark.outbox.parked").gauge());
        assertNotNull(registry.find("waymark.outbox.published").counter());
    }
}
