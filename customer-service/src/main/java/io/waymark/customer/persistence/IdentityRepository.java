package io.waymark.customer.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The identities that name customers besides their id: (system, external id) pairs and anonymous ids. */
@ApplicationScoped
public class IdentityRepository {

    /**
     * Serialises, until the transaction ends, everyone identifying by any of these keys: two identifies of one
     * new email then create one customer, not two. Keys are taken in sorted order so that they cannot deadlock.
     */
    public Uni<Void> lockKeys(List<String> keys) {
        List<String> sorted = keys.stream().distinct().sorted().toList();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (String key : sorted) {
            chain = chain.flatMap(ignored -> Panache.getSession().flatMap(s -> s
                    .createNativeQuery("select count(*) from (select pg_advisory_xact_lock(hashtextextended(:key, 0))) l")
                    .setParameter("key", key).getSingleResult()).replaceWithVoid());
        }
        return chain;
    }

    public Uni<Optional<UUID>> ownerOfExternalId(String system, String externalId) {
        return Panache.getSession().flatMap(s -> s
                .createNativeQuery("select customer_id from customer_external_id where system = :system and external_id = :id")
                .setParameter("system", system).setParameter("id", externalId).getResultList())
                .map(IdentityRepository::firstUuid);
    }

    public Uni<Optional<UUID>> ownerOfAnonymousId(String anonymousId) {
        return Panache.getSession().flatMap(s -> s
                .createNativeQuery("select customer_id from customer_anonymous_id where anonymous_id = :id")
                .setParameter("id", anonymousId).getResultList())
                .map(IdentityRepository::firstUuid);
    }

    /** Records the pairs as the customer's; a pair another customer owns fails with a unique violation. */
    public Uni<Void> addExternalIds(UUID customerId, Map<String, String> externalIds) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Map.Entry<String, String> e : externalIds.entrySet()) {
            chain = chain.flatMap(ignored -> Panache.getSession().flatMap(s -> s
                    .createNativeQuery("insert into customer_external_id (system, external_id, customer_id) values (:system, :id, :customer)")
                    .setParameter("system", e.getKey()).setParameter("id", e.getValue())
                    .setParameter("customer", customerId).executeUpdate()).replaceWithVoid());
        }
        return chain;
    }

    public Uni<Void> removeExternalIds(UUID customerId, List<String> systems) {
        if (systems.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Panache.getSession().flatMap(s -> s
                .createNativeQuery("delete from customer_external_id where customer_id = :customer and system in (:systems)")
                .setParameter("customer", customerId).setParameter("systems", systems).executeUpdate()).replaceWithVoid();
    }

    /** True when the anonymous id was new and is now linked; false when it already named this customer. */
    public Uni<Boolean> linkAnonymousId(UUID customerId, String anonymousId, OffsetDateTime at) {
        return Panache.getSession().flatMap(s -> s
                .createNativeQuery("insert into customer_anonymous_id (anonymous_id, customer_id, linked_at) "
                        + "values (:id, :customer, :at) on conflict (anonymous_id) do nothing")
                .setParameter("id", anonymousId).setParameter("customer", customerId).setParameter("at", at)
                .executeUpdate()).map(n -> n > 0);
    }

    /** Moves every identity of one customer to another (a merge); the caller has checked for clashes. */
    public Uni<Void> moveAll(UUID from, UUID to) {
        return Panache.getSession().flatMap(s -> s
                .createNativeQuery("update customer_external_id set customer_id = :to where customer_id = :from")
                .setParameter("from", from).setParameter("to", to).executeUpdate()
                .flatMap(ignored -> s.createNativeQuery("update customer_anonymous_id set customer_id = :to where customer_id = :from")
                        .setParameter("from", from).setParameter("to", to).executeUpdate()))
                .replaceWithVoid();
    }

    public Uni<List<String>> anonymousIdsOf(UUID customerId) {
        return Panache.getSession().flatMap(s -> s
                .createNativeQuery("select anonymous_id from customer_anonymous_id where customer_id = :customer order by linked_at")
                .setParameter("customer", customerId).getResultList())
                .map(rows -> rows.stream().map(Object::toString).toList());
    }

    private static Optional<UUID> firstUuid(List<?> rows) {
        return rows.isEmpty() ? Optional.empty() : Optional.of((UUID) rows.get(0));
    }
}
