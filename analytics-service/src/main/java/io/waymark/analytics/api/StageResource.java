package io.waymark.analytics.api;

import io.smallrye.mutiny.Uni;
import io.waymark.analytics.domain.StageCounts;
import io.waymark.contracts.LifecycleStage;
import jakarta.annotation.security.RolesAllowed;
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

    public record StageTotals(List<StageCount> stages, long total) {
    }

    private final StageCounts counts;

    StageResource(StageCounts counts) {
        this.counts = counts;
    }

    @GET
    @Path("/stages")
    @RolesAllowed({"analyst", "admin"})
    @Operation(summary = "Customers per lifecycle stage",
            description = "Every stage in lifecycle order, built from customer.events (eventually consistent: "
                    + "a new customer shows up within moments).")
    public Uni<StageTotals> stages() {
        return counts.byStage().map(byStage -> new StageTotals(
                byStage.entrySet().stream().map(e -> new StageCount(e.getKey(), e.getValue())).toList(),
                byStage.values().stream().mapToLong(Long::longValue).sum()));
    }
}
