package io.waymark.platform.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.waymark.contracts.CloudEvent;
import io.waymark.contracts.EventType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Records an event in the outbox. Call it inside the transaction that makes the change the event reports:
 * both commit or neither does, and {@link OutboxRelay} publishes the event afterwards.
 */
@ApplicationScoped
public class Outbox {

    @Inject
    ObjectMapper mapper;

    @ConfigProperty(name = "waymark.events.source")
    String source;

    public Uni<CloudEvent> record(String topic, EventType type, UUID subject, Object data) {
        CloudEvent event = new CloudEvent(CloudEvent.SPEC_VERSION, UUID.randomUUID(), source, type.type(),
                OffsetDateTime.now(ZoneOffset.UTC), subject.toString(), CloudEvent.DATA_CONTENT_TYPE,
                type.dataschema(), mapper.valueToTree(data));
        OutboxEvent row = new OutboxEvent();
        row.eventId = event.id();
        row.topic = topic;
        row.messageKey = event.subject();
        row.type = event.type();
        row.createdAt = event.time();
        try {
            row.payload = mapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(new IllegalArgumentException("event data cannot be written as JSON", e));
        }
        return Panache.getSession().flatMap(session -> session.persist(row)).replaceWith(event);
    }
}
