package io.waymark.journey.api;

import io.smallrye.mutiny.Uni;
import io.waymark.journey.api.JourneyViews.JourneySummary;
import io.waymark.journey.api.JourneyViews.JourneyView;
import io.waymark.journey.api.JourneyViews.VersionSummary;
import io.waymark.journey.domain.JourneyMap;
import io.waymark.journey.domain.JourneyPublishing;
import io.waymark.journey.domain.JourneyService;
import io.waymark.journey.domain.JourneyService.Side;
import io.waymark.journey.domain.interactions.PlacementIndex;
import io.waymark.journey.domain.map.JourneyDiff;
import io.waymark.journey.domain.map.JourneyDocument;
import io.waymark.journey.domain.map.JourneyValidation;
import io.waymark.platform.api.Callers;
import io.waymark.platform.api.IfMatch;
import io.waymark.platform.api.PageParams;
import io.waymark.platform.domain.Invalid;
import io.waymark.platform.paging.Page;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/journeys")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Journey maps")
@SecurityRequirement(name = "SecurityScheme")
@RolesAllowed({"admin", "analyst", "designer", "agent", "ingest"})
public class JourneyResource {

    private final JourneyService journeys;
    private final JourneyPublishing publishing;
    private final Callers editors;
    private final PlacementIndex placements;

    JourneyResource(JourneyService journeys, JourneyPublishing publishing, Callers editors, PlacementIndex placements) {
        this.journeys = journeys;
        this.publishing = publishing;
        this.editors = editors;
        this.placements = placements;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"admin", "designer"})
    @Operation(summary = "Create a journey map (a draft)", description = "The body is the map document (the format "
            + "a published version exports). A designer creates maps for their own teams only (403 otherwise).")
    public Uni<Response> create(@RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                        schema = @Schema(implementation = JourneyDocument.class),
                                        examples = @ExampleObject(name = "two stages", value = JourneyExamples.SMALL)))
                                @NotNull(message = "a JSON body is required") JourneyDocument document, UriInfo uri) {
        return journeys.create(document, editors.current()).map(m -> created(uri, m));
    }

    @GET
    @Operation(summary = "Find journey maps", description = "In creation order with cursor paging; `team` the owner "
            + "team, `status` draft|published|archived, `q` a case-insensitive substring of the name.")
    public Uni<Page<JourneySummary>> list(@QueryParam("team") String team, @QueryParam("status") String status,
                                          @QueryParam("q") String q, @BeanParam PageParams page) {
        Optional<String> statusFilter = blank(status).map(s -> {
            if (!List.of(JourneyMap.DRAFT, JourneyMap.PUBLISHED, JourneyMap.ARCHIVED).contains(s)) {
                throw Invalid.field("status", "one of draft, published, archived");
            }
            return s;
        });
        Optional<String> text = blank(q).map(s -> {
            if (s.length() > 200 || !JourneyValidation.isPrintable(s)) {
                throw Invalid.field("q", "at most 200 characters, no control characters");
            }
            return s;
        });
        Optional<String> owner = blank(team).map(t -> {
            if (!JourneyValidation.TEAM.matcher(t).matches()) {
                throw Invalid.field("team", "a team name: 1-40 lowercase letters, digits, '_' or '-'");
            }
            return t;
        });
        return journeys.search(owner, statusFilter, text, page.query()).map(p -> p.map(JourneySummary::of));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get a journey map with its draft", description = "The ETag is the draft's version, for If-Match on a PUT.")
    public Uni<Response> get(@PathParam("id") UUID id) {
        return journeys.get(id).map(m -> Response.ok(JourneyView.of(m)).tag(etag(m)).build());
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"admin", "designer"})
    @Operation(summary = "Replace the draft", description = "With If-Match, a stale draft version is 412. Only the owner "
            + "team's designers (or an admin) may; an archived map is 409.")
    public Uni<Response> replace(@PathParam("id") UUID id, @NotNull(message = "a JSON body is required") JourneyDocument document,
                                 @HeaderParam("If-Match") String ifMatch) {
        return journeys.replace(id, document, IfMatch.expectedVersion(ifMatch), editors.current())
                .map(m -> Response.ok(JourneyView.of(m)).tag(etag(m)).build());
    }

    @POST
    @Path("/{id}/publish")
    @RolesAllowed({"admin", "designer"})
    @Operation(summary = "Publish the draft as the next version", description = "Versions are immutable. Publishes "
            + "io.waymark.journey.published.v1 on journey.maps with the whole version. 409 when nothing changed.")
    public Uni<Response> publish(@PathParam("id") UUID id, UriInfo uri) {
        // interactions land on the new version from now on (other replicas: at their next refresh)
        return publishing.publish(id, editors.current()).call(placements::refresh).map(v -> Response.created(uri.getBaseUriBuilder()
                        .path("journeys").path(id.toString()).path("versions").path(Integer.toString(v.key.version())).build())
                .entity(VersionSummary.of(v)).build());
    }

    @GET
    @Path("/{id}/versions")
    @Operation(summary = "The published versions of a map", description = "Oldest first.")
    public Uni<List<VersionSummary>> versions(@PathParam("id") UUID id) {
        return journeys.versions(id).map(all -> all.stream().map(VersionSummary::of).toList());
    }

    @GET
    @Path("/{id}/versions/{version}")
    @Operation(summary = "One published version, as a document",
            description = "The exchange format: POST it to /journeys to recreate the map elsewhere.")
    public Uni<JourneyDocument> version(@PathParam("id") UUID id, @PathParam("version") int version) {
        return journeys.version(id, version).map(v -> v.document);
    }

    @GET
    @Path("/{id}/diff")
    @Operation(summary = "What changed between two versions (or a version and the draft)",
            description = "Stages and touchpoints matched by key: added, removed, moved, and each changed field with "
                    + "its old and new value. `from` and `to`: a version number or `draft`.")
    public Uni<JourneyDiff> diff(@PathParam("id") UUID id, @QueryParam("from") String from, @QueryParam("to") String to) {
        return journeys.diff(id, Side.parse(from, "from"), Side.parse(to, "to"));
    }

    @POST
    @Path("/{id}/clone")
    @RolesAllowed({"admin", "designer"})
    @Operation(summary = "Copy a map into a new draft", description = "Owned by the same team.")
    public Uni<Response> copy(@PathParam("id") UUID id, UriInfo uri) {
        return journeys.copy(id, editors.current()).map(m -> created(uri, m));
    }

    @POST
    @Path("/{id}/archive")
    @RolesAllowed({"admin", "designer"})
    @Operation(summary = "Archive a map", description = "It stays readable; its draft can no longer change.")
    public Uni<Response> archive(@PathParam("id") UUID id) {
        return journeys.archive(id, editors.current()).call(placements::refresh).map(m -> Response.ok(JourneyView.of(m)).tag(etag(m)).build());
    }

    private static Response created(UriInfo uri, JourneyMap m) {
        return Response.created(uri.getBaseUriBuilder().path("journeys").path(m.id.toString()).build())
                .tag(etag(m)).entity(JourneyView.of(m)).build();
    }

    private static EntityTag etag(JourneyMap m) {
        return new EntityTag(Long.toString(m.draftVersion()));
    }

    private static Optional<String> blank(String s) {
        return s == null || s.isBlank() ? Optional.empty() : Optional.of(s.trim());
    }
}
