package io.waymark.customer.api;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.waymark.customer.api.CustomerDtos.CustomerView;
import io.waymark.customer.domain.segments.Segment;
import io.waymark.customer.domain.segments.SegmentService;
import io.waymark.platform.api.PageParams;
import io.waymark.platform.paging.Page;
import io.waymark.platform.domain.Invalid;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/segments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Segments")
@SecurityRequirement(name = "SecurityScheme")
public class SegmentResource {

    public record PreviewRequest(@NotNull String filter) {
    }

    public record PreviewView(long count, List<CustomerView> sample) {
    }

    public record CreateSegmentRequest(@NotNull String name, @NotNull String filter, String description) {
    }

    public record SegmentView(UUID id, String name, String description, String filter, Long size, String createdBy,
                              OffsetDateTime createdAt, OffsetDateTime updatedAt) {

        static SegmentView of(Segment s, Long size) {
            return new SegmentView(s.id, s.name, s.description, s.filter, size, s.createdBy, s.createdAt, s.updatedAt);
        }
    }

    private final SegmentService segments;
    private final SecurityIdentity identity;

    SegmentResource(SegmentService segments, SecurityIdentity identity) {
        this.segments = segments;
        this.identity = identity;
    }

    @POST
    @Path("/preview")
    @RolesAllowed({"admin", "agent", "analyst"})
    @Operation(summary = "How many customers a filter matches, with a sample",
            description = "The filter language is in docs/segments.md; a malformed filter is 400 naming the position.")
    public Uni<PreviewView> preview(@NotNull(message = "a JSON body is required") @Valid PreviewRequest request) {
        return segments.preview(request.filter())
                .map(p -> new PreviewView(p.count(), p.sample().stream().map(CustomerView::of).toList()));
    }

    @POST
    @RolesAllowed({"admin", "analyst"})
    @Operation(summary = "Save a segment", description = "409 if the name is taken.")
    public Uni<Response> create(@NotNull(message = "a JSON body is required") @Valid CreateSegmentRequest request,
                                UriInfo uri) {
        return segments.create(request.name(), request.description(), request.filter(), identity.getPrincipal().getName())
                .map(s -> Response.created(uri.getAbsolutePathBuilder().path(s.id.toString()).build())
                        .entity(SegmentView.of(s, null)).build());
    }

    @GET
    @RolesAllowed({"admin", "agent", "analyst"})
    @Operation(summary = "List segments", description = "In creation order, with cursor paging; sizes on the single segment.")
    public Uni<Page<SegmentView>> list(@BeanParam PageParams page) {
        return segments.list(page.query()).map(found -> found.map(s -> SegmentView.of(s, null)));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({"admin", "agent", "analyst"})
    @Operation(summary = "Get a segment with its current size")
    public Uni<SegmentView> get(@PathParam("id") UUID id) {
        return segments.get(id).map(sized -> SegmentView.of(sized.segment(), sized.size()));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({"admin", "analyst"})
    @Operation(summary = "Delete a segment")
    public Uni<Response> delete(@PathParam("id") UUID id) {
        return segments.delete(id).replaceWith(Response.noContent().build());
    }

    @GET
    @Path("/{id}/member-ids")
    @RolesAllowed({"admin", "analyst"})
    @Operation(summary = "The ids of the segment's customers", description = "In id order, up to 10,000 a page "
            + "(`limit`, default 10,000), for services that count per customer (analytics' funnel by segment).")
    public Uni<Page<UUID>> memberIds(@PathParam("id") UUID id, @QueryParam("limit") String limit,
                                     @QueryParam("cursor") String cursor) {
        int size;
        try {
            size = limit == null || limit.isBlank() ? SegmentService.MAX_ID_PAGE : Integer.parseInt(limit.trim());
        } catch (NumberFormatException e) {
            throw Invalid.field("limit", "a whole number from 1 to " + SegmentService.MAX_ID_PAGE);
        }
        return segments.memberIds(id, cursor, size);
    }

    @GET
    @Path("/{id}/members")
    @RolesAllowed({"admin", "agent", "analyst"})
    @Operation(summary = "The segment's customers", description = "In id (creation) order, with cursor paging.")
    public Uni<Page<CustomerView>> members(@PathParam("id") UUID id, @BeanParam PageParams page) {
        return segments.members(id, Optional.empty(), Optional.empty(), page.query()).map(found -> found.map(CustomerView::of));
    }
}
