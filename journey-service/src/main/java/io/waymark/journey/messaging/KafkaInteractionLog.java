package io.waymark.journey.messaging;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.waymark.contracts.CloudEvent;
import io.waymark.contracts.Topics;
import io.waymark.contracts.journey.InteractionRecorded;
import io.waymark.journey.domain.interactions.InteractionLog;
import io.waymark.platform.domain.Timestamps;
import io.waymark.platform.events.EventJson;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;

/**
 * The interaction log is the topic {@code journey.interactions} itself: each interaction is published as
 * {@code interaction.recorded.v1} with {@code acks=all} on an idempotent producer (channel
 * {@code interactions-out}), and counts as accepted only once Kafka acknowledged it. The CloudEvent id is
 * derived from the interaction's own id, so a repeat that slips past the duplicate check (two requests at
 * once) carries the same event id and every consumer's inbox drops it.
 * <p>
 * A request's records go to the producer in one task on its sending thread, each with a callback (not a
 * message per record through the emitter: at thousands per second, per-record Unis and context capture cost
 * more than the sends). The answer comes back on the request's own context.
 */
@ApplicationScoped
public class KafkaInteractionLog implements InteractionLog {

    static final String CHANNEL = "interactions-out";

    /** The CloudEvent as it goes on the wire, written in one pass (no JSON tree in between). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    private record Wire(String specversion, UUID id, String source, String type, OffsetDateTime time, String subject,
                        String datacontenttype, String dataschema, long aggregateversion, Data data) {
    }

    /**
     * {@link InteractionRecorded} as written: the same fields (the golden fixture's shape test holds them
     * together), with the properties as the client's JSON rather than a map rebuilt from it.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    private record Data(UUID interactionId, UUID customerId, String anonymousId, String type, String channel,
                        OffsetDateTime occurredAt, JsonNode properties, List<InteractionRecorded.Placement> placements) {
    }

    private static final ObjectWriter WRITER = EventJson.mapper().writerFor(Wire.class);
    private static final byte[] CONTENT_TYPE = CloudEvent.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8);
    private static final byte[] TYPE = InteractionRecorded.TYPE.type().getBytes(StandardCharsets.UTF_8);

    private final KafkaClientService kafka;
    private final String source;
    private final String topic;

    /**
     * @param wiring the channel's emitter, unused: it is what makes the connector create the channel's producer
     */
    KafkaInteractionLog(@Channel(CHANNEL) MutinyEmitter<String> wiring, KafkaClientService kafka,
                        @ConfigProperty(name = "waymark.events.source") String source,
                        @ConfigProperty(name = "waymark.events.topic-prefix") Optional<String> topicPrefix) {
        this.kafka = kafka;
        this.source = source;
        this.topic = topicPrefix.orElse("") + Topics.JOURNEY_INTERACTIONS;
    }

    /** The event id of an interaction's {@code interaction.recorded}: the same for every copy of it. */
    public static UUID eventId(UUID interactionId) {
        return UUID.nameUUIDFromBytes((InteractionRecorded.TYPE.type() + ":" + interactionId).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public Uni<List<Throwable>> append(List<Entry> entries) {
        int n = entries.size();
        Throwable[] outcomes = new Throwable[n];
        @SuppressWarnings("unchecked")
        ProducerRecord<String, String>[] records = new ProducerRecord[n];
        OffsetDateTime now = Timestamps.now();
        for (int i = 0; i < n; i++) {
            try {
                records[i] = record(entries.get(i), now);
            } catch (JsonProcessingException e) {
                outcomes[i] = e;
            }
        }
        Context context = Vertx.currentContext();
        return Uni.createFrom().emitter(emitter -> {
            AtomicInteger pending = new AtomicInteger(n);
            Runnable done = () -> {
                if (pending.decrementAndGet() == 0) {
                    List<Throwable> result = Arrays.asList(outcomes);
                    if (context != null) {
                        context.runOnContext(v -> emitter.complete(result));
                    } else {
                        emitter.complete(result);
                    }
                }
            };
            kafka.<String, String>getProducer(CHANNEL).runOnSendingThread((Producer<String, String> producer) -> {
                for (int i = 0; i < n; i++) {
                    if (records[i] == null) {
                        done.run();
                        continue;
                    }
                    int index = i;
                    try {
                        producer.send(records[i], (metadata, failure) -> {
                            outcomes[index] = failure;
                            done.run();
                        });
                    } catch (RuntimeException refused) {
                        // a full buffer past max.block.ms, a closed producer: this record is not in the log
                        outcomes[index] = refused;
                        done.run();
                    }
                }
            }).subscribe().with(ignored -> { }, emitter::fail);
        });
    }

    private ProducerRecord<String, String> record(Entry entry, OffsetDateTime now) throws JsonProcessingException {
        var in = entry.input();
        UUID id = eventId(in.id());
        Data data = new Data(in.id(), entry.customerId(), in.who().anonymousId(), in.type(), in.channel(), in.occurredAt(),
                in.properties(), entry.placements());
        String json = WRITER.writeValueAsString(new Wire(CloudEvent.SPEC_VERSION, id, source, InteractionRecorded.TYPE.type(),
                now, entry.key(), CloudEvent.DATA_CONTENT_TYPE, InteractionRecorded.TYPE.dataschema(), 1L, data));
        RecordHeaders headers = new RecordHeaders();
        headers.add("content-type", CONTENT_TYPE);
        headers.add("ce_type", TYPE);
        headers.add("ce_id", id.toString().getBytes(StandardCharsets.UTF_8));
        return new ProducerRecord<>(topic, null, entry.key(), json, headers);
    }
}
