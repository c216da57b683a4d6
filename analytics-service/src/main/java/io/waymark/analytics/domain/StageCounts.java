package io.waymark.analytics.domain;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.waymark.analytics.persistence.StageProjection;
import io.waymark.contracts.LifecycleStage;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;

/** Where every known customer is in the lifecycle, and how many are in each stage. */
@ApplicationScoped
public class StageCounts {

    private final StageProjection projection;

    StageCounts(StageProjection projection) {
        this.projection = projection;
    }

    /**
     * The customer is in {@code stage} since {@code at}, as of version {@code aggregateVersion} of the customer
     * (a creation or a move). Called inside the consumer's transaction; an older version changes nothing.
     */
    public Uni<Void> customerEntered(UUID customerId, String stage, OffsetDateTime at, long aggregateVersion) {
        return projection.customerCreated(customerId, stage, at, aggregateVersion);
    }

    /** An erased customer, or one merged into another, is forgotten (called inside the consumer's transaction). */
    public Uni<Void> customerGone(UUID customerId) {
        return projection.forget(customerId);
    }

    /** Every stage in lifecycle order (zero where nobody is); stages this version does not know are left out. */
    @WithSession
    public Uni<Map<LifecycleStage, Long>> byStage() {
        return projection.countsByStage().map(rows -> {
            Map<LifecycleStage, Long> counts = new EnumMap<>(LifecycleStage.class);
            for (LifecycleStage stage : LifecycleStage.values()) {
                counts.put(stage, rows.getOrDefault(stage.name(), 0L));
            }
            return counts;
        });
    }
}
