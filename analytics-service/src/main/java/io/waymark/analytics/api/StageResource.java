package io.waymark.analytics.api;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.waymark.analytics.persistence.StageProjection;
import io.waymark.contracts.LifecycleStage;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/analytics")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Analytics")
@SecurityRequirement(name = "SecurityScheme")
public class StageResource {

    public record StageCount(LifecycleStage stage, long customers) {
    }

    public record StageCounts(List<StageCount> stages, long total) {
    }

    @Inject
    StageProjection projection;

    @GET
    @Path("/stages")
    @WithSession
    @RolesAllowed({"analyst", "admin"})
    @Operation(summary = "Customers per lifecycle stage",
            description = "Every stage in lifecycle order, built from customer.events (eventually consistent: "
                    + "a new customer shows up within moments).")
    public Uni<StageCounts> stages() {
        return projection.countsByStage().map(counts -> new StageCounts(
                counts.entrySet().stream().map(e -> new StageCount(e.getKey(), e.getValue())).toList(),
                counts.values().stream().mapToLong(Long::longValue).sum()));
    }
}
