package io.waymark.analytics.messaging;

import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.waymark.testing.EventFixtures;
import io.waymark.testing.KafkaTopics;
import io.waymark.testing.TestDatabase;
import java.sql.SQLException;
import java.time.Duration;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;

/** customer.events as the tests send them: golden fixtures with fresh ids, keyed by customer. */
final class CustomerEvents {

    static final String TOPIC = "test.customer.events";
    static final String DLQ = "test.analytics.customer-events.dlq";
    static final String DATABASE = "analytics_test";
    /** The ids in the fixtures (they differ only in their last characters), replaced by fresh ones. */
    private static final String FIXTURE_EVENT = "019ab3c2-[0-9a-f]{4}-7c4a-9a51-3f0d2c6b8e[0-9a-f]{2}";
    private static final String FIXTURE_CUSTOMER = "019ab3c2-7d00-7b21-8f3e-1a2b3c4d5e[0-9a-f]{2}";

    private CustomerEvents() {
    }

    /** customer.created for {@code customer} in {@code stage}, as the golden fixture has it. */
    static String created(UUID event, UUID customer, String stage) {
        return fixture("customer.created.v1", event, customer).replace("\"AWARENESS\"", "\"" + stage + "\"");
    }

    static String fixture(String name, UUID event, UUID customer) {
        return EventFixtures.load(name).replaceAll(FIXTURE_EVENT, event.toString())
                .replaceAll(FIXTURE_CUSTOMER, customer.toString());
    }

    static void send(String key, String... values) {
        try (KafkaCompanion kafka = KafkaTopics.companion()) {
            for (String value : values) {
                kafka.produceStrings().fromRecords(new ProducerRecord<>(TOPIC, key, value)).awaitCompletion();
            }
        }
    }

    /** Everything on the dead-letter topic, read from the start for a few seconds. */
    static ConsumerTask<String, String> deadLetters(KafkaCompanion kafka) {
        return kafka.consumeStrings().withOffsetReset(OffsetResetStrategy.EARLIEST)
                .fromTopics(DLQ, Duration.ofSeconds(4)).awaitCompletion(Duration.ofSeconds(15));
    }

    static long rows(String sql, Object... params) throws SQLException {
        return TestDatabase.count(DATABASE, sql, params);
    }

    static long stageRows(UUID customer) throws SQLException {
        return rows("select count(*) from customer_stage where customer_id = ?", customer);
    }
}
