package io.waymark.analytics.domain;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.waymark.analytics.persistence.StageProjection;
import io.waymark.platform.privacy.PersonalData;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** analytics-service's part of a GDPR export: the customer's row in the stage read model. */
@ApplicationScoped
public class CustomerStagePersonalData implements PersonalData {

    private final StageProjection projection;

    CustomerStagePersonalData(StageProjection projection) {
        this.projection = projection;
    }

    @Override
    public String part() {
        return "lifecycleStage";
    }

    @Override
    @WithSession
    public Uni<Object> export(UUID customerId) {
        return projection.of(customerId).map(row -> row);
    }
}
