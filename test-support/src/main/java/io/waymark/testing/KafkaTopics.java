package io.waymark.testing;

import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.waymark.devstack.Settings;
import java.time.Duration;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;

/** Quarkus' Kafka test companion on the devstack's broker; close it after use. */
public final class KafkaTopics {

    private KafkaTopics() {
    }

    public static KafkaCompanion companion() {
        return new KafkaCompanion(Settings.load().kafkaBootstrap());
    }

    /** The first record on {@code topic}, read from the start, that {@code wanted} accepts; waits up to 30 s. */
    public static ConsumerRecord<String, String> first(String topic, Predicate<ConsumerRecord<String, String>> wanted) {
        try (KafkaCompanion kafka = companion()) {
            return kafka.consumeStrings().withOffsetReset(OffsetResetStrategy.EARLIEST)
                    .fromTopics(Set.of(topic), records -> records.select().where(wanted).select().first(1))
                    .awaitCompletion(Duration.ofSeconds(30)).getFirstRecord();
        }
    }
}
