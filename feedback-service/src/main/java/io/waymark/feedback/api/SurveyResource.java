package io.waymark.feedback.api;

import io.smallrye.mutiny.Uni;
import io.waymark.feedback.api.SurveyViews.SurveyView;
import io.waymark.feedback.domain.TextRules;
import io.waymark.feedback.domain.survey.Survey;
import io.waymark.feedback.domain.survey.SurveyDefinition;
import io.waymark.feedback.domain.survey.SurveyKind;
import io.waymark.feedback.domain.survey.SurveySearch;
import io.waymark.feedback.domain.survey.SurveyService;
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
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/surveys")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Surveys")
@SecurityRequirement(name = "SecurityScheme")
public class SurveyResource {

    private final SurveyService surveys;
    private final Callers callers;

    SurveyResource(SurveyService surveys, Callers callers) {
        this.surveys = surveys;
        this.callers = callers;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"admin", "designer"})
    @Operation(summary = "Create a survey (a draft)", description = "kind NPS (0-10), CSAT (1-5), CES (1-7) or CUSTOM "
            + "(with questions: rating, single_choice, multiple_choice, text); an optional target (journeyId + "
            + "touchpointKey, stage, channel) and the owning team, which receives cases when the touchpoint has no owner.")
    public Uni<Response> create(@NotNull(message = "a JSON body is required") SurveyDefinition definition, UriInfo uri) {
        return surveys.create(definition, callers.current()).map(s -> Response.created(uri.getBaseUriBuilder()
                .path("surveys").path(s.id.toString()).build()).tag(etag(s)).entity(SurveyView.of(s)).build());
    }

    @GET
    @RolesAllowed({"admin", "designer", "analyst", "agent"})
    @Operation(summary = "Find surveys", description = "In creation order with cursor paging; filters: status "
            + "(draft|active|closed), kind, team (the owning team), journeyId, touchpointKey.")
    public Uni<Page<SurveyView>> list(@QueryParam("status") String status, @QueryParam("kind") String kind,
                                      @QueryParam("team") String team, @QueryParam("journeyId") String journeyId,
                                      @QueryParam("touchpointKey") String touchpointKey, @BeanParam PageParams page) {
        SurveySearch search = new SurveySearch(
                present(status).map(s -> oneOf("status", s, List.of(Survey.DRAFT, Survey.ACTIVE, Survey.CLOSED))),
                present(kind).map(k -> SurveyKind.parse(k).orElseThrow(() -> Invalid.field("kind", "one of NPS, CSAT, CES, CUSTOM"))),
                present(team).map(t -> shaped("team", t, TextRules.TEAM.matcher(t).matches(), TextRules.TEAM_SHAPE)),
                present(journeyId).map(j -> uuid("journeyId", j)),
                present(touchpointKey).map(k -> shaped("touchpointKey", k, TextRules.KEY.matcher(k).matches(), TextRules.KEY_SHAPE)),
                page.query());
        return surveys.search(search).map(p -> p.map(SurveyView::of));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({"admin", "designer", "analyst", "agent"})
    @Operation(summary = "Get a survey", description = "The ETag is the survey's revision, for If-Match on a PUT.")
    public Uni<Response> get(@PathParam("id") UUID id) {
        return surveys.get(id).map(SurveyResource::ok);
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"admin", "designer"})
    @Operation(summary = "Replace a draft survey", description = "Only while draft (409 after activation); a stale If-Match is 412.")
    public Uni<Response> replace(@PathParam("id") UUID id, @NotNull(message = "a JSON body is required") SurveyDefinition definition,
                                 @HeaderParam("If-Match") String ifMatch) {
        return surveys.replace(id, definition, IfMatch.expectedVersion(ifMatch)).map(SurveyResource::ok);
    }

    @POST
    @Path("/{id}/activate")
    @RolesAllowed({"admin", "designer"})
    @Operation(summary = "Activate a draft survey", description = "From then on it takes answers and cannot change.")
    public Uni<Response> activate(@PathParam("id") UUID id) {
        return surveys.activate(id).map(SurveyResource::ok);
    }

    @POST
    @Path("/{id}/close")
    @RolesAllowed({"admin", "designer"})
    @Operation(summary = "Close a survey", description = "It takes no more answers; its links answer 410.")
    public Uni<Response> close(@PathParam("id") UUID id) {
        return surveys.close(id).map(SurveyResource::ok);
    }

    private static Response ok(Survey s) {
        return Response.ok(SurveyView.of(s)).tag(etag(s)).build();
    }

    private static EntityTag etag(Survey s) {
        return new EntityTag(Long.toString(s.revision));
    }

    static Optional<String> present(String s) {
        return s == null || s.isBlank() ? Optional.empty() : Optional.of(s.trim());
    }

    static String oneOf(String field, String value, List<String> allowed) {
        if (!allowed.contains(value)) {
            throw Invalid.field(field, "one of " + String.join(", ", allowed));
        }
        return value;
    }

    static String shaped(String field, String value, boolean matches, String shape) {
        if (!matches) {
            throw Invalid.field(field, shape);
        }
        return value;
    }

    static UUID uuid(String field, String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw Invalid.field(field, "a UUID");
        }
    }
}
