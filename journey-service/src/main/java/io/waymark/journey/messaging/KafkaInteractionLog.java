package io.waymark.journey.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.waymark.contracts.CloudEvent;
import io.waymark.contracts.Topics;
import io.waymark.contracts.journey.InteractionRecorded;
import io.waymark.journey.domain.interactions.InteractionLog;
import io.waymark.platform.domain.Timestamps;
import io.waymark.platform.events.EventJson;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * The interaction log is the topic {@code journey.interactions} itself: each interaction is published as
 * {@code interaction.recorded.v1} with {@code acks=all} on an idempotent producer (channel
 * {@code interactions-out}), and counts as accepted only once Kafka acknowledged it. The CloudEvent id is
 * derived from the interaction's own id, so a repeat that slips past the duplicate check (two requests at
 * once) carries the same event id and every consumer's inbox drops it.
 */
@ApplicationScoped
public class KafkaInteractionLog implements InteractionLog {

    private final MutinyEmitter<String> emitter;
    private final String source;
    private final String topic;

    KafkaInteractionLog(@Channel("interactions-out") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 20_000)
                        MutinyEmitter<String> emitter,
                        @ConfigProperty(name = "waymark.events.source") String source,
                        @ConfigProperty(name = "waymark.events.topic-prefix") Optional<String> topicPrefix) {
        this.emitter = emitter;
        this.source = source;
        this.topic = topicPrefix.orElse("") + Topics.JOURNEY_INTERACTIONS;
    }

    /** The event id of an interaction's {@code interaction.recorded}: the same for every copy of it. */
    public static UUID eventId(UUID interactionId) {
        return UUID.nameUUIDFromBytes((InteractionRecorded.TYPE.type() + ":" + interactionId).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public Uni<List<Throwable>> append(List<Entry> entries) {
        Throwable[] outcomes = new Throwable[entries.size()];
        List<Uni<Void>> sends = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            int index = i;
            sends.add(send(entries.get(i)).onFailure().recoverWithItem(e -> {
                outcomes[index] = e;
                return null;
            }));
        }
        return Uni.join().all(sends).andFailFast().map(ignored -> Arrays.asList(outcomes));
    }

    private Uni<Void> send(Entry entry) {
        InteractionRecorded data = entry.interaction();
        UUID id = eventId(data.interactionId());
        CloudEvent event = new CloudEvent(CloudEvent.SPEC_VERSION, id, source, InteractionRecorded.TYPE.type(),
                Timestamps.now(), entry.key(), CloudEvent.DATA_CONTENT_TYPE, InteractionRecorded.TYPE.dataschema(), 1L,
                EventJson.mapper().valueToTree(data));
        String json;
        try {
            json = EventJson.mapper().writeValueAsString(event);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(e);
        }
        RecordHeaders headers = new RecordHeaders();
        headers.add("content-type", CloudEvent.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        headers.add("ce_type", event.type().getBytes(StandardCharsets.UTF_8));
        headers.add("ce_id", id.toString().getBytes(StandardCharsets.UTF_8));
        Message<String> message = Message.of(json).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(topic).withKey(entry.key()).withHeaders(headers).build());
        try {
            return emitter.sendMessage(message);
        } catch (RuntimeException overflow) {
            // the emitter's buffer is full: the broker is slow or away; this item is not accepted
            return Uni.createFrom().failure(overflow);
        }
    }
}
