package io.waymark.analytics.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The read model of where every known customer is in the lifecycle (table customer_stage). */
@ApplicationScoped
public class StageProjection {

    /**
     * A customer appeared or moved. Applied only over an older version of the same customer: a second
     * delivery, or a creation that arrives after a later move, changes nothing.
     */
    public Uni<Void> customerCreated(UUID customerId, String stage, OffsetDateTime at, long aggregateVersion) {
        return Panache.getSession().flatMap(session -> session
                .createNativeQuery("insert into customer_stage (customer_id, stage, since, aggregate_version) "
                        + "values (:id, :stage, :at, :version) on conflict (customer_id) do update "
                        + "set stage = excluded.stage, since = excluded.since, aggregate_version = excluded.aggregate_version "
                        + "where customer_stage.aggregate_version < excluded.aggregate_version")
                .setParameter("id", customerId)
                .setParameter("stage", stage)
                .setParameter("at", at)
                .setParameter("version", aggregateVersion)
                .executeUpdate()).replaceWithVoid();
    }

    /** The customer's row, for the GDPR export: stage and since, or nothing. */
    public Uni<Map<String, Object>> of(UUID customerId) {
        return Panache.getSession().flatMap(session -> session
                .createNativeQuery("select stage, since from customer_stage where customer_id = :id", Object[].class)
                .setParameter("id", customerId).getResultList())
                .map(rows -> rows.isEmpty() ? null : Map.of("stage", rows.get(0)[0], "since", rows.get(0)[1].toString()));
    }

    /** An erased customer leaves the read model. */
    public Uni<Void> forget(UUID customerId) {
        return Panache.getSession().flatMap(session -> session
                .createNativeQuery("delete from customer_stage where customer_id = :id")
                .setParameter("id", customerId).executeUpdate()).replaceWithVoid();
    }

    /** Customers per stage name, as stored. */
    public Uni<Map<String, Long>> countsByStage() {
        return Panache.getSession().flatMap(session -> session
                .createNativeQuery("select stage, count(*) from customer_stage group by stage", Object[].class)
                .getResultList()).map(StageProjection::toMap);
    }

    private static Map<String, Long> toMap(List<Object[]> rows) {
        Map<String, Long> counts = new HashMap<>();
        for (Object[] row : rows) {
            counts.put((String) row[0], ((Number) row[1]).longValue());
        }
        return counts;
    }
}
