package io.waymark.testing;

import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.waymark.devstack.Settings;

/** Quarkus' Kafka test companion on the devstack's broker; close it after use. */
public final class KafkaTopics {

    private KafkaTopics() {
    }

    public static KafkaCompanion companion() {
        return new KafkaCompanion(Settings.load().kafkaBootstrap());
    }
}
