package io.waymark.feedback.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import io.waymark.feedback.api.CaseViews.CaseSummary;
import io.waymark.feedback.api.CaseViews.CaseView;
import io.waymark.feedback.domain.TextRules;
import io.waymark.feedback.domain.cases.CaseSearch;
import io.waymark.feedback.domain.cases.CaseService;
import io.waymark.feedback.domain.cases.CaseStatus;
import io.waymark.platform.api.Callers;
import io.waymark.platform.api.PageParams;
import io.waymark.platform.domain.Caller;
import io.waymark.platform.domain.Invalid;
import io.waymark.platform.paging.Page;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Follow-up cases. Agents see only their teams' cases (the token's teams claim): another team's case is 404, a
 * list filtered by a team they are not in is empty. Admins see all.
 */
@Path("/cases")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Cases")
@SecurityRequirement(name = "SecurityScheme")
@RolesAllowed({"admin", "agent"})
public class CaseResource {

    private final CaseService cases;
    private final Callers callers;

    CaseResource(CaseService cases, Callers callers) {
        this.cases = cases;
        this.callers = callers;
    }

    @GET
    @Operation(summary = "Find cases", description = "In opening order with cursor paging; `team`, `status` "
            + "(open|in_progress|resolved|closed|reopened), `overdue=true` (past due and still waiting). Only the "
            + "caller's teams' cases unless admin.")
    public Uni<Page<CaseSummary>> list(@QueryParam("team") String team, @QueryParam("status") String status,
                                       @QueryParam("overdue") String overdue, @BeanParam PageParams page) {
        Caller caller = callers.current();
        CaseSearch search = new CaseSearch(
                SurveyResource.present(team).map(t -> SurveyResource.shaped("team", t, TextRules.TEAM.matcher(t).matches(),
                        TextRules.TEAM_SHAPE)),
                SurveyResource.present(status).map(s -> SurveyResource.oneOf("status", s, CaseStatus.ALL)),
                overdue(overdue),
                caller.admin() ? Optional.empty() : Optional.of(caller.teams()),
                page.query());
        return cases.search(search).map(p -> p.map(CaseSummary::of));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One case", description = "With the answer that opened it, its recovery (score before and "
            + "after) and its history. The ETag is the case's revision, for If-Match on a PATCH.")
    public Uni<Response> get(@PathParam("id") UUID id) {
        return cases.get(id, callers.current()).map(d -> Response.ok(CaseView.of(d)).tag(etag(d.kase().revision)).build());
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Work on a case", description = "`status` (open → in_progress → resolved → closed; resolved "
            + "or closed → reopened → in_progress; any waiting status → closed; other moves 409), `assignee` (null unassigns), "
            + "`rootCause` (from waymark.feedback.root-causes) and `rootCauseText`, `note`; with status resolved, "
            + "`followUpInvitation: true` invites the customer again (the answer measures recovery). Every change "
            + "is kept in the history; closing publishes feedback.case-closed.v1, reopening feedback.case-opened.v1.")
    public Uni<Response> change(@PathParam("id") UUID id, JsonNode patch, @HeaderParam("If-Match") String ifMatch) {
        return cases.change(id, CasePatches.read(patch, ifMatch), callers.current())
                .map(u -> Response.ok(CaseView.of(u)).tag(etag(u.detail().kase().revision)).build());
    }

    private static boolean overdue(String value) {
        return SurveyResource.present(value).map(v -> switch (v) {
            case "true" -> true;
            case "false" -> false;
            default -> throw Invalid.field("overdue", "true or false");
        }).orElse(false);
    }

    private static EntityTag etag(long revision) {
        return new EntityTag(Long.toString(revision));
    }
}
