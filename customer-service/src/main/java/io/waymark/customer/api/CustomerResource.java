package io.waymark.customer.api;

import io.smallrye.mutiny.Uni;
import io.waymark.customer.api.CustomerDtos.CreateCustomerRequest;
import io.waymark.customer.api.CustomerDtos.CustomerView;
import com.fasterxml.jackson.databind.JsonNode;
import io.waymark.contracts.LifecycleStage;
import io.waymark.customer.domain.Customer;
import io.waymark.customer.domain.CustomerSearch;
import io.waymark.customer.domain.CustomerService;
import io.waymark.customer.domain.ErasureService;
import io.waymark.customer.domain.segments.SegmentService;
import io.waymark.customer.domain.PatchCustomer;
import io.quarkus.security.identity.SecurityIdentity;
import io.waymark.platform.domain.Invalid;
import io.waymark.platform.api.PageParams;
import io.waymark.platform.paging.Page;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/customers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Customers")
@SecurityRequirement(name = "SecurityScheme")
public class CustomerResource {

    private final CustomerService service;
    private final ErasureService erasure;
    private final SegmentService segments;
    private final SecurityIdentity caller;

    CustomerResource(CustomerService service, ErasureService erasure, SegmentService segments, SecurityIdentity caller) {
        this.service = service;
        this.erasure = erasure;
        this.segments = segments;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({"admin", "agent", "ingest"})
    @Operation(summary = "Create a customer", description = "Starts at AWARENESS unless a stage is given. "
            + "`firstSeenAt` (roles ingest and admin; from 1970 up to now): when a system importing or replaying "
            + "history first saw the customer, their createdAt and the start of their stage (default now). "
            + "Publishes io.waymark.customer.created.v1 on customer.events. 409 if the email is taken.")
    public Uni<Response> create(@NotNull(message = "a JSON body is required") @Valid CreateCustomerRequest request,
                                UriInfo uri) {
        CustomerDtos.requireSystemForFirstSeenAt(request.firstSeenAt(), caller);
        return service.create(request.toCommand())
                .map(c -> Response.created(uri.getAbsolutePathBuilder().path(c.id.toString()).build())
                        .tag(etag(c)).entity(CustomerView.of(c)).build());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({"admin", "agent", "analyst"})
    @Operation(summary = "Get one customer", description = "The ETag names the customer's version, for If-Match on a PATCH.")
    public Uni<Response> get(@PathParam("id") UUID id) {
        return service.get(id).map(c -> Response.ok(CustomerView.of(c)).tag(etag(c)).build());
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MERGE_PATCH)
    @RolesAllowed({"admin", "agent", "ingest"})
    @Operation(summary = "Change a customer (JSON merge patch, RFC 7396)",
            description = "email, firstName, lastName, traits; null removes a name or a trait. With If-Match, a "
                    + "stale version is 412; without it, the last writer wins. Publishes io.waymark.customer.updated.v1.")
    public Uni<Response> patch(@PathParam("id") UUID id, JsonNode patch, @HeaderParam("If-Match") String ifMatch) {
        PatchCustomer command = MergePatches.read(patch, ifMatch);
        return service.update(id, command).map(c -> Response.ok(CustomerView.of(c)).tag(etag(c)).build());
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed("admin")
    @Operation(summary = "Erase a customer (GDPR art. 17)",
            description = "Deletes the customer's personal data, ids, consents and history; the id then answers 410. "
                    + "Publishes io.waymark.customer.erased.v1 so every service deletes its part.")
    public Uni<Response> erase(@PathParam("id") UUID id) {
        return erasure.erase(id).replaceWith(Response.noContent().build());
    }

    @GET
    @RolesAllowed({"admin", "agent", "analyst"})
    @Operation(summary = "Find customers", description = "Oldest first; `q` matches email, first or last name "
            + "(case-insensitive substring), `stage` a lifecycle stage, `segment` a saved segment's id. Follow `next` (as ?cursor=) for the next page.")
    public Uni<Page<CustomerView>> list(@QueryParam("q") String q, @QueryParam("stage") String stage,
                                        @QueryParam("segment") String segment, @BeanParam PageParams page) {
        if (segment != null && !segment.isBlank()) {
            return segments.members(segmentId(segment), text(q), stage(stage).map(Enum::name), page.query())
                    .map(found -> found.map(CustomerView::of));
        }
        return service.search(new CustomerSearch(text(q), stage(stage), page.query())).map(found -> found.map(CustomerView::of));
    }

    private static UUID segmentId(String segment) {
        try {
            return UUID.fromString(segment.trim());
        } catch (IllegalArgumentException e) {
            throw Invalid.field("segment", "a segment id (a UUID)");
        }
    }

    static final String MERGE_PATCH = "application/merge-patch+json";

    static EntityTag etag(Customer c) {
        return new EntityTag(Long.toString(c.aggregateVersion()));
    }

    private static Optional<String> text(String q) {
        if (q == null || q.isBlank()) {
            return Optional.empty();
        }
        if (q.length() > 200) {
            throw Invalid.field("q", "at most 200 characters");
        }
        return Optional.of(q.trim());
    }

    private static Optional<LifecycleStage> stage(String stage) {
        if (stage == null || stage.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LifecycleStage.valueOf(stage.trim().toUpperCase(java.util.Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw Invalid.field("stage", "one of " + java.util.Arrays.toString(LifecycleStage.values()));
        }
    }
}
