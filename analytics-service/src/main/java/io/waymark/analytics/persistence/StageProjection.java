package io.waymark.analytics.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.waymark.contracts.LifecycleStage;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The read model of where every known customer is in the lifecycle (table customer_stage). */
@ApplicationScoped
public class StageProjection {

    /** A customer appeared; a second creation of the same customer changes nothing. */
    public Uni<Void> customerCreated(UUID customerId, LifecycleStage stage, OffsetDateTime at) {
        return Panache.getSession().flatMap(session -> session
                .createNativeQuery("insert into customer_stage (customer_id, stage, since) values (:id, :stage, :at) "
                        + "on conflict (customer_id) do nothing")
                .setParameter("id", customerId)
                .setParameter("stage", stage.name())
                .setParameter("at", at)
                .executeUpdate()).replaceWithVoid();
    }

    /** Customers per stage, every stage present (zero where nobody is). */
    public Uni<Map<LifecycleStage, Long>> countsByStage() {
        return Panache.getSession().flatMap(session -> session
                .createNativeQuery("select stage, count(*) from customer_stage group by stage", Object[].class)
                .getResultList()).map(StageProjection::toCounts);
    }

    private static Map<LifecycleStage, Long> toCounts(List<Object[]> rows) {
        Map<LifecycleStage, Long> counts = new EnumMap<>(LifecycleStage.class);
        for (LifecycleStage stage : LifecycleStage.values()) {
            counts.put(stage, 0L);
        }
        for (Object[] row : rows) {
            counts.put(LifecycleStage.valueOf((String) row[0]), ((Number) row[1]).longValue());
        }
        return counts;
    }
}
