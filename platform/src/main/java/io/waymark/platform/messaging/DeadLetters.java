package io.waymark.platform.messaging;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.Config;

/**
 * Sends one record of a batch to its channel's dead-letter topic ({@code mp.messaging.incoming.<channel>.
 * dead-letter-queue.topic}), with the headers the connector's own dead-letter strategy writes, so both kinds
 * can be inspected and replayed alike. A batch channel cannot nack one record, so the batch dispatcher parks
 * what can never apply here and acknowledges the rest. Uses the outbox's producer (acks=all, idempotent).
 */
@ApplicationScoped
public class DeadLetters {

    private final KafkaClientService kafka;
    private final Config config;

    DeadLetters(KafkaClientService kafka, Config config) {
        this.kafka = kafka;
        this.config = config;
    }

    public Uni<Void> send(String channel, ConsumerRecord<String, String> record, Throwable reason) {
        String topic = topic(channel);
        ProducerRecord<String, String> out = new ProducerRecord<>(topic, null, record.key(), record.value());
        header(out, "dead-letter-reason", String.valueOf(reason.getMessage()));
        header(out, "dead-letter-cause", reason.getClass().getName());
        header(out, "dead-letter-topic", record.topic());
        header(out, "dead-letter-partition", Integer.toString(record.partition()));
        header(out, "dead-letter-offset", Long.toString(record.offset()));
        return kafka.<String, String>getProducer("outbox").send(out).replaceWithVoid();
    }

    String topic(String channel) {
        Optional<String> configured = config.getOptionalValue(
                "mp.messaging.incoming." + channel + ".dead-letter-queue.topic", String.class);
        return configured.orElse("dead-letter-topic-" + channel);
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
