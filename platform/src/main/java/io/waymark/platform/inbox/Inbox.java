package io.waymark.platform.inbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * Remembers which events a consumer has applied. Call {@link #firstDelivery} in the transaction that applies
 * the event: a redelivered event finds its id already there and is skipped, and because the id and the
 * change commit together, a crash between them cannot apply an event twice or lose it.
 */
@ApplicationScoped
public class Inbox {

    public Uni<Boolean> firstDelivery(UUID eventId, String consumer) {
        return Panache.getSession().flatMap(session -> session
                .createNativeQuery("insert into inbox_event (event_id, consumer, received_at) values (:id, :consumer, now()) "
                        + "on conflict do nothing")
                .setParameter("id", eventId)
                .setParameter("consumer", consumer)
                .executeUpdate()
                .map(inserted -> inserted == 1));
    }
}
