package io.waymark.platform.messaging;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.waymark.testing.DevstackTestResource;
import io.waymark.testing.KafkaTopics;
import io.waymark.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * The batch consumer runtime against the real Kafka and PostgreSQL: a poll is applied in one transaction with
 * its inbox rows, in order; what can never apply is parked alone on the dead-letter topic while the rest of
 * its batch is applied; redelivery changes nothing; a database outage is outlived.
 */
@QuarkusTest
@WithTestResource(DevstackTestResource.class)
class EventBatchDispatcherTest {

    private static final String TOPIC = "test.platform.batch";
    private static final String DLQ = "test.platform.batch.dlq";
    private static final String DB = "platform_test";

    private static String event(UUID id, String key, String value) {
        return """
                {"specversion":"1.0","id":"%s","source":"/test","type":"%s","subject":"%s",
                 "aggregateversion":1,"data":{"value":"%s","laterField":true},"traceparent":"00-x"}"""
                .formatted(id, TestValues.TYPE.type(), key, value);
    }

    private static String mixed(String type, String key, String value) {
        return """
                {"specversion":"1.0","id":"%s","source":"/test","type":"%s","subject":"%s","data":{"value":"%s"}}"""
                .formatted(UUID.randomUUID(), type, key, value);
    }

    private static String withoutData(UUID id, String key) {
        return """
                {"specversion":"1.0","id":"%s","source":"/test","type":"%s","subject":"%s"}"""
                .formatted(id, TestValues.TYPE.type(), key);
    }

    private static void send(String key, List<String> values) {
        try (KafkaCompanion kafka = KafkaTopics.companion()) {
            kafka.produceStrings().fromRecords(values.stream().map(v -> new ProducerRecord<>(TOPIC, key, v)).toList())
                    .awaitCompletion(Duration.ofSeconds(30));
        }
    }

    private static long applied(String key) throws Exception {
        return TestDatabase.count(DB, "select count(*) from batch_applied where key = ?", key);
    }

    private static List<String> appliedValues(String key) throws Exception {
        List<String> values = new ArrayList<>();
        try (var c = TestDatabase.superuser(DB);
             var st = c.prepareStatement("select value from batch_applied where key = ? order by seq")) {
            st.setString(1, key);
            try (var rs = st.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
        }
        return values;
    }

    private static List<ConsumerRecord<String, String>> parked(String key, int expected) {
        try (KafkaCompanion kafka = KafkaTopics.companion()) {
            return kafka.consumeStrings().withOffsetReset(OffsetResetStrategy.EARLIEST)
                    .fromTopics(java.util.Set.of(DLQ), r -> r.select().where(rec -> key.equals(rec.key())).select().first(expected))
                    .awaitCompletion(Duration.ofSeconds(30)).getRecords();
        }
    }

    @Test
    void aPollIsAppliedInOrderAndWhatCanNeverApplyIsParkedAlone() throws Exception {
        String key = "key-" + UUID.randomUUID();
        UUID repeated = UUID.randomUUID();
        List<String> values = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            values.add(event(i == 0 ? repeated : UUID.randomUUID(), key, "v" + i));
            expected.add("v" + i);
            if (i == 10) {
                values.add("not json at all");
                values.add(event(UUID.randomUUID(), key, "poison"));
                values.add(event(repeated, key, "v0"));
            }
            if (i == 20) {
                values.add(event(UUID.randomUUID(), key, "reject"));
                values.add(withoutData(UUID.randomUUID(), key));
            }
        }
        send(key, values);

        await().atMost(Duration.ofSeconds(30)).until(() -> applied(key) >= 40);
        Thread.sleep(500);
        assertEquals(expected, appliedValues(key), "every good event once, in stream order, the repeat skipped");
        List<ConsumerRecord<String, String>> parked = parked(key, 4);
        assertEquals(4, parked.size(), "unreadable, poison, refused by the database and without data: parked");
        for (ConsumerRecord<String, String> r : parked) {
            assertEquals(TOPIC, new String(r.headers().lastHeader("dead-letter-topic").value(), StandardCharsets.UTF_8));
        }

        // the same events again (a redelivery after a crash, say): nothing changes
        send(key, values.subList(0, 5));
        Thread.sleep(2000);
        assertEquals(40, applied(key));
    }

    @Test
    void interleavedTypesOfOneMixedHandlerReachItTogetherInStreamOrder() throws Exception {
        String key = "key-" + UUID.randomUUID();
        String a = TestValues.MIXED_A.type();
        String b = TestValues.MIXED_B.type();
        send(key, List.of(mixed(a, key, "a1"), mixed(b, key, "b1"), mixed(a, key, "a2"), mixed(b, key, "b2"),
                mixed(b, key, "b3"), mixed(a, key, "a3")));
        await().atMost(Duration.ofSeconds(30)).until(() -> String.join(" ", appliedValues(key)).split(" ").length == 6);
        List<String> calls = appliedValues(key);
        assertEquals("a1 b1 a2 b2 b3 a3", String.join(" ", calls), "every event once, in stream order");
        assertEquals(true, calls.stream().anyMatch(c -> c.contains("a") && c.contains("b")),
                "a call got both types at once (one poll is not cut at each change of type): " + calls);
    }

    @Test
    void eventsAHandlerHandsOnAreAppliedOneByOneAfterTheBatchAndOnlyOnce() throws Exception {
        String key = "key-" + UUID.randomUUID();
        List<String> values = List.of(event(UUID.randomUUID(), key, "a"), event(UUID.randomUUID(), key, "single-b"),
                event(UUID.randomUUID(), key, "c"));
        send(key, values);
        await().atMost(Duration.ofSeconds(30)).until(() -> applied(key) >= 4);
        send(key, values);
        Thread.sleep(2000);
        assertEquals(List.of("a", "single-b", "c", "single-b (one by one)"), appliedValues(key));
    }

    @Test
    void aDatabaseOutageIsOutlivedAndEveryEventAppliedOnce() throws Exception {
        String key = "key-" + UUID.randomUUID();
        List<String> values = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            values.add(event(UUID.randomUUID(), key, "v" + i));
        }
        TestDatabase.cutOff("platform");
        try {
            send(key, values);
            Thread.sleep(2500);
        } finally {
            TestDatabase.restore("platform");
        }
        await().atMost(Duration.ofSeconds(40)).until(() -> applied(key) == 30);
        Thread.sleep(500);
        assertEquals(30, applied(key));
    }
}
