package io.waymark.customer.messaging;

import io.waymark.testing.KafkaTopics;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Interaction and feedback events, as journey-service and feedback-service publish them, onto the test topics. */
final class LiveEvents {

    static final String INTERACTIONS = "test.journey.interactions";
    static final String FEEDBACK = "test.feedback.events";

    private LiveEvents() {
    }

    static String interaction(UUID eventId, String customerId, String type, OffsetDateTime at) {
        return """
                {"specversion":"1.0","id":"%s","source":"/waymark/journey-service",
                 "type":"io.waymark.interaction.recorded.v1","time":"%s","subject":"%s",
                 "datacontenttype":"application/json","dataschema":"urn:waymark:interaction.recorded:1",
                 "data":{"interactionId":"%s","customerId":"%s","type":"%s","channel":"web",
                         "occurredAt":"%s","properties":{"plan":"pro","amount":49.9},"placements":[]}}
                """.formatted(eventId, at, customerId, UUID.randomUUID(), customerId, type, at);
    }

    /** An interaction of a visitor not identified when it was recorded (no customer id, its anonymous id). */
    static String anonymousInteraction(UUID eventId, String anonymousId, String type, OffsetDateTime at) {
        return """
                {"specversion":"1.0","id":"%s","source":"/waymark/journey-service",
                 "type":"io.waymark.interaction.recorded.v1","time":"%s","subject":"%s",
                 "datacontenttype":"application/json","dataschema":"urn:waymark:interaction.recorded:1",
                 "data":{"interactionId":"%s","anonymousId":"%s","type":"%s","channel":"web",
                         "occurredAt":"%s","properties":{},"placements":[]}}
                """.formatted(eventId, at, anonymousId, UUID.randomUUID(), anonymousId, type, at);
    }

    static String npsResponse(UUID eventId, String customerId, int score) {
        return npsResponse(eventId, customerId, score, OffsetDateTime.now());
    }

    /** An NPS answer recorded at {@code at} (an imported answer carries its own time). */
    static String npsResponse(UUID eventId, String customerId, int score, OffsetDateTime at) {
        return """
                {"specversion":"1.0","id":"%s","source":"/waymark/feedback-service",
                 "type":"io.waymark.feedback.response-recorded.v1","time":"%s","subject":"%s",
                 "datacontenttype":"application/json","dataschema":"urn:waymark:feedback.response-recorded:1",
                 "data":{"responseId":"%s","surveyId":"%s","customerId":"%s","kind":"NPS","score":%d,
                         "recordedAt":"%s"}}
                """.formatted(eventId, at, customerId, UUID.randomUUID(), UUID.randomUUID(), customerId, score, at);
    }

    static void send(String topic, String key, String... values) {
        try (KafkaCompanion kafka = KafkaTopics.companion()) {
            for (String value : values) {
                kafka.produceStrings().fromRecords(new ProducerRecord<>(topic, key, value)).awaitCompletion();
            }
        }
    }
}
