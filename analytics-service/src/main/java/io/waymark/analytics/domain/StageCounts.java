package io.waymark.analytics.domain;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.waymark.analytics.persistence.StageProjection;
import io.waymark.contracts.LifecycleStage;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.Map;

/** Where every known customer is in the lifecycle, and how many are in each stage. */
@ApplicationScoped
public class StageCounts {

    private final StageProjection projection;

    StageCounts(StageProjection projection) {
        this.projection = projection;
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
