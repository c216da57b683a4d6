package io.waymark.platform.inbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * Remembers which events a consumer has applied. Call {@link #firstDelivery} in the transaction that applies
 * the event: a redelivered event finds its id already there and is skipped, and because the id and the
 * change commit together, a crash between them cannot apply an event twice or lose it.
 */
@ApplicationScoped
public class Inbox {

    private static final String FIRST_DELIVERIES = """
            insert into inbox_event (event_id, consumer, received_at)
            select unnest($1::uuid[]), $2, now() on conflict do nothing returning event_id""";

    public Uni<Boolean> firstDelivery(UUID eventId, String consumer) {
        return Panache.getSession().flatMap(session -> session
                .createNativeQuery("insert into inbox_event (event_id, consumer, received_at) values (:id, :consumer, now()) "
                        + "on conflict do nothing")
                .setParameter("id", eventId)
                .setParameter("consumer", consumer)
                .executeUpdate()
                .map(inserted -> inserted == 1));
    }

    /** The same for many events at once, on {@code tx}: the ids among {@code eventIds} not seen before. */
    public Uni<Set<UUID>> firstDeliveries(SqlConnection tx, Collection<UUID> eventIds, String consumer) {
        if (eventIds.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        return tx.preparedQuery(FIRST_DELIVERIES).execute(Tuple.of(eventIds.toArray(UUID[]::new), consumer))
                .map(rows -> {
                    Set<UUID> first = new HashSet<>();
                    for (Row row : rows) {
                        first.add(row.getUUID(0));
                    }
                    return first;
                });
    }
}
