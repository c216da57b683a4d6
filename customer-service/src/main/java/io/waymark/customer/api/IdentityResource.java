package io.waymark.customer.api;

import io.smallrye.mutiny.Uni;
import io.waymark.customer.api.CustomerDtos.CustomerView;
import io.waymark.customer.domain.Identify;
import io.waymark.customer.domain.IdentityService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import io.quarkus.security.identity.SecurityIdentity;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/customers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Identity")
@SecurityRequirement(name = "SecurityScheme")
public class IdentityResource {

    /**
     * Any of email, externalIds, anonymousId, with what was learned of the person; {@code firstSeenAt} (systems
     * only) when a customer this creates was first seen, e.g. the visitor's first anonymous interaction.
     */
    public record IdentifyRequest(@Email @Size(max = 254) String email, Map<String, String> externalIds,
                                  String anonymousId, @Size(max = 100) String firstName,
                                  @Size(max = 100) String lastName, Map<String, Object> traits,
                                  OffsetDateTime firstSeenAt) {
    }

    public record MergeRequest(@NotNull UUID customerId) {
    }

    private final IdentityService identity;
    private final SecurityIdentity caller;

    IdentityResource(IdentityService identity, SecurityIdentity caller) {
        this.identity = identity;
        this.caller = caller;
    }

    @POST
    @Path("/identify")
    @RolesAllowed({"admin", "agent", "ingest"})
    @Operation(summary = "Find or create the customer some ids name",
            description = "200 with the customer the ids name (ids and traits it brings are added; given traits win), "
                    + "201 with a new customer when they name none, 409 when they name two known customers or "
                    + "contradict an id the customer has. An anonymous id seen for the first time is linked and "
                    + "published as io.waymark.customer.merged.v1 (kind anonymous). `firstSeenAt` (roles ingest and "
                    + "admin; from 1970 up to now): when a customer this creates was first seen, their createdAt and "
                    + "the start of their stage; a customer found keeps their own.")
    public Uni<Response> identify(@NotNull(message = "a JSON body is required") @Valid IdentifyRequest request,
                                  UriInfo uri) {
        CustomerDtos.requireSystemForFirstSeenAt(request.firstSeenAt(), caller);
        Identify command = new Identify(request.email(), request.externalIds(), request.anonymousId(),
                request.firstName(), request.lastName(), request.traits(), request.firstSeenAt());
        return identity.identify(command).map(found -> {
            var c = found.customer();
            Response.ResponseBuilder answer = found.created()
                    ? Response.created(uri.getBaseUriBuilder().path("customers").path(c.id.toString()).build())
                    : Response.ok();
            return answer.tag(CustomerResource.etag(c)).entity(CustomerView.of(c)).build();
        });
    }

    @POST
    @Path("/{id}/merge")
    @RolesAllowed("admin")
    @Operation(summary = "Merge another customer into this one",
            description = "Traits combined (this customer's values win), ids, consents and histories kept under this "
                    + "customer. The other id then answers 301 (reads) or 410 (writes) pointing here. Publishes "
                    + "io.waymark.customer.merged.v1 (kind customer).")
    public Uni<Response> merge(@PathParam("id") UUID id,
                               @NotNull(message = "a JSON body is required") @Valid MergeRequest request) {
        return identity.merge(id, request.customerId())
                .map(c -> Response.ok(CustomerView.of(c)).tag(CustomerResource.etag(c)).build());
    }
}
