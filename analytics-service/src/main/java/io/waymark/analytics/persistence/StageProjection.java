package io.waymark.analytics.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The read model of where every known customer is in the lifecycle (table customer_stage). */
@ApplicationScoped
public class StageProjection {

    /** The customer's row, for the GDPR export: stage and since, or nothing. */
    public Uni<Map<String, Object>> of(UUID customerId) {
        return Panache.getSession().flatMap(session -> session
                .createNativeQuery("select stage, since from customer_stage where customer_id = :id", Object[].class)
                .setParameter("id", customerId).getResultList())
                .map(rows -> rows.isEmpty() ? null : Map.of("stage", rows.get(0)[0], "since", rows.get(0)[1].toString()));
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
