package io.waymark.customer.api;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.waymark.customer.domain.ConsentChange;
import io.waymark.customer.domain.ConsentService;
import io.waymark.customer.domain.Customer;
import io.waymark.platform.api.PageParams;
import io.waymark.platform.paging.Page;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/customers/{id}/consents")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Consent")
@SecurityRequirement(name = "SecurityScheme")
public class ConsentResource {

    public record ConsentRequest(@NotNull Boolean granted, @NotNull String source) {
    }

    public record ConsentChangeView(UUID id, String purpose, boolean granted, String source, String actor,
                                    OffsetDateTime at) {

        static ConsentChangeView of(ConsentChange c) {
            return new ConsentChangeView(c.id, c.purpose, c.granted, c.source, c.actor, c.at);
        }
    }

    private final ConsentService consents;
    private final SecurityIdentity identity;

    ConsentResource(ConsentService consents, SecurityIdentity identity) {
        this.consents = consents;
        this.identity = identity;
    }

    @PUT
    @Path("/{purpose}")
    @RolesAllowed({"admin", "agent", "ingest"})
    @Operation(summary = "Record a customer's answer for one consent purpose",
            description = "Purposes: email_marketing, surveys, personalization, analytics (configurable). Answers with "
                    + "every current answer of the customer. Kept in the history; published as "
                    + "io.waymark.customer.consent-changed.v1 unless it repeats the current answer.")
    public Uni<Map<String, Customer.Consent>> record(@PathParam("id") UUID id, @PathParam("purpose") String purpose,
                                                    @NotNull(message = "a JSON body is required") @Valid ConsentRequest request) {
        return consents.record(id, purpose, request.granted(), request.source(), identity.getPrincipal().getName());
    }

    @GET
    @Path("/history")
    @RolesAllowed({"admin", "agent", "analyst"})
    @Operation(summary = "Every consent answer of a customer", description = "Oldest first, with cursor paging.")
    public Uni<Page<ConsentChangeView>> history(@PathParam("id") UUID id, @BeanParam PageParams page) {
        return consents.history(id, page.query()).map(found -> found.map(ConsentChangeView::of));
    }
}
