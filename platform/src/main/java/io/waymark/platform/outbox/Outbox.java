package io.waymark.platform.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.waymark.contracts.CloudEvent;
import io.waymark.contracts.EventType;
import io.waymark.platform.domain.Ids;
import io.waymark.platform.domain.Timestamps;
import io.waymark.platform.events.EventJson;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Records an event in the outbox. Call it inside the transaction that makes the change the event reports:
 * both commit or neither does, and {@link OutboxRelay} publishes the event afterwards (a trigger on the
 * table wakes it when the transaction commits).
 */
@ApplicationScoped
public class Outbox {

    private final String source;

    Outbox(@ConfigProperty(name = "waymark.events.source") String source) {
        this.source = source;
    }

    /**
     * @param subject          the customer the event is about: the Kafka key, so one customer's events stay in order
     * @param aggregateVersion the version of the changed aggregate after this change (1 for its creation)
     */
    public Uni<CloudEvent> record(String topic, EventType type, UUID subject, long aggregateVersion, Object data) {
        CloudEvent event = new CloudEvent(CloudEvent.SPEC_VERSION, Ids.newId(), source, type.type(),
                Timestamps.now(), subject.toString(),
                CloudEvent.DATA_CONTENT_TYPE, type.dataschema(), aggregateVersion,
                EventJson.mapper().valueToTree(data));
        OutboxEvent row = new OutboxEvent();
        row.eventId = event.id();
        row.topic = topic;
        row.messageKey = event.subject();
        row.type = event.type();
        row.aggregateVersion = aggregateVersion;
        row.createdAt = event.time();
        try {
            row.payload = EventJson.mapper().writeValueAsString(event);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(new IllegalArgumentException("event data cannot be written as JSON", e));
        }
        return Panache.getSession().flatMap(session -> session.persist(row)).replaceWith(event);
    }
}
