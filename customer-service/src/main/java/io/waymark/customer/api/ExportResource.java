package io.waymark.customer.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import io.waymark.customer.api.ConsentResource.ConsentChangeView;
import io.waymark.customer.api.CustomerDtos.CustomerView;
import io.waymark.customer.api.StageTransitionResource.TransitionView;
import io.waymark.customer.domain.ExportService;
import io.waymark.customer.domain.ExportService.Unavailable;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/customers/{id}/export")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Privacy")
@SecurityRequirement(name = "SecurityScheme")
public class ExportResource {

    public record ExportView(UUID customerId, OffsetDateTime exportedAt, CustomerServicePart customerService,
                             Map<String, JsonNode> otherServices, List<Unavailable> unavailable) {
    }

    public record CustomerServicePart(CustomerView customer, List<String> anonymousIds, List<TransitionView> stageHistory,
                                      List<ConsentChangeView> consentHistory) {
    }

    private final ExportService exports;

    ExportResource(ExportService exports) {
        this.exports = exports;
    }

    @GET
    @RolesAllowed({"admin", "agent"})
    @Operation(summary = "Everything the suite holds about a customer (GDPR art. 15/20)",
            description = "customer-service's data, and each other service's part (asked over REST with a timeout "
                    + "and a circuit breaker). A service that cannot answer is listed under `unavailable` with the "
                    + "reason; the export itself still answers 200.")
    public Uni<ExportView> export(@PathParam("id") UUID id) {
        return exports.export(id).map(e -> new ExportView(e.customerId(), e.exportedAt(),
                new CustomerServicePart(CustomerView.of(e.customerService().customer()), e.customerService().anonymousIds(),
                        e.customerService().stageHistory().stream().map(TransitionView::of).toList(),
                        e.customerService().consentHistory().stream().map(ConsentChangeView::of).toList()),
                e.otherServices(), e.unavailable()));
    }
}
