package io.waymark.platform.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.waymark.contracts.CloudEvent;
import io.waymark.contracts.EventType;
import io.waymark.platform.domain.Ids;
import io.waymark.platform.domain.Timestamps;
import io.waymark.platform.events.EventJson;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Records an event in the outbox. Call it inside the transaction that makes the change the event reports:
 * both commit or neither does, and {@link OutboxRelay} publishes the event afterwards (a trigger on the
 * table wakes it when the transaction commits). {@link #record} joins the Hibernate Reactive session's
 * transaction; {@link #recordAll} writes on a reactive SQL client transaction (services that work on
 * {@code SqlConnection}s, such as the batch consumers and analytics' bulk scoring).
 */
@ApplicationScoped
public class Outbox {

    /** An event to record: its topic, type, subject (the Kafka key), aggregate version and data. */
    public record Pending(String topic, EventType type, UUID subject, long aggregateVersion, Object data) {
    }

    private static final String INSERT = """
            insert into outbox_event (event_id, topic, message_key, type, aggregate_version, payload, created_at)
            select event_id, topic, message_key, type, aggregate_version, payload, created_at
            from unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::int8[], $6::text[], $7::timestamptz[])
                 with ordinality as t(event_id, topic, message_key, type, aggregate_version, payload, created_at, n)
            order by n""";

    private final String source;

    Outbox(@ConfigProperty(name = "waymark.events.source") String source) {
        this.source = source;
    }

    /**
     * @param subject          the customer the event is about: the Kafka key, so one customer's events stay in order
     * @param aggregateVersion the version of the changed aggregate after this change (1 for its creation)
     */
    public Uni<CloudEvent> record(String topic, EventType type, UUID subject, long aggregateVersion, Object data) {
        CloudEvent event = envelope(new Pending(topic, type, subject, aggregateVersion, data));
        OutboxEvent row = new OutboxEvent();
        row.eventId = event.id();
        row.topic = topic;
        row.messageKey = event.subject();
        row.type = event.type();
        row.aggregateVersion = aggregateVersion;
        row.createdAt = event.time();
        try {
            row.payload = payload(event);
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().failure(e);
        }
        return Panache.getSession().flatMap(session -> session.persist(row)).replaceWith(event);
    }

    /**
     * Records {@code events} with one statement on {@code tx}, in list order (the relay publishes by row id, so one
     * subject's events leave in the order given). Completes with the events as they will go on the wire.
     */
    public Uni<List<CloudEvent>> recordAll(SqlConnection tx, List<Pending> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<CloudEvent> envelopes = new ArrayList<>(events.size());
        int n = events.size();
        UUID[] ids = new UUID[n];
        String[] topics = new String[n];
        String[] keys = new String[n];
        String[] types = new String[n];
        Long[] versions = new Long[n];
        String[] payloads = new String[n];
        OffsetDateTime[] times = new OffsetDateTime[n];
        try {
            for (int i = 0; i < n; i++) {
                CloudEvent event = envelope(events.get(i));
                envelopes.add(event);
                ids[i] = event.id();
                topics[i] = events.get(i).topic();
                keys[i] = event.subject();
                types[i] = event.type();
                versions[i] = event.aggregateversion();
                payloads[i] = payload(event);
                times[i] = event.time();
            }
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().failure(e);
        }
        return tx.preparedQuery(INSERT).execute(Tuple.tuple().addArrayOfUUID(ids).addArrayOfString(topics)
                        .addArrayOfString(keys).addArrayOfString(types).addArrayOfLong(versions).addArrayOfString(payloads)
                        .addArrayOfOffsetDateTime(times))
                .replaceWith(envelopes);
    }

    private CloudEvent envelope(Pending p) {
        return new CloudEvent(CloudEvent.SPEC_VERSION, Ids.newId(), source, p.type().type(), Timestamps.now(),
                p.subject().toString(), CloudEvent.DATA_CONTENT_TYPE, p.type().dataschema(), p.aggregateVersion(),
                EventJson.mapper().valueToTree(p.data()));
    }

    private static String payload(CloudEvent event) {
        try {
            return EventJson.mapper().writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event data cannot be written as JSON", e);
        }
    }
}
