package io.waymark.feedback.api;

import io.smallrye.mutiny.Uni;
import io.waymark.feedback.api.SurveyViews.PublicAnswer;
import io.waymark.feedback.api.SurveyViews.PublicAnswerView;
import io.waymark.feedback.api.SurveyViews.PublicSurveyView;
import io.waymark.feedback.domain.invitation.PublicInvitations;
import io.waymark.feedback.domain.response.ResponseInput;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Invitation links, for customers without an account: the token in the path is the credential (the gateway
 * lets /api/public/** through without a bearer token, rate-limited per client address).
 */
@Path("/public/invitations/{token}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Survey links")
@PermitAll
public class PublicInvitationResource {

    private final PublicInvitations invitations;

    PublicInvitationResource(PublicInvitations invitations) {
        this.invitations = invitations;
    }

    @GET
    @Operation(summary = "The survey an invitation link asks", description = "410 when the link was used or expired.")
    public Uni<PublicSurveyView> show(@PathParam("token") String token) {
        return invitations.show(token).map(o -> PublicSurveyView.of(o.survey(), o.invitation().expiresAt));
    }

    @POST
    @Path("/response")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Answer through an invitation link (once)", description = "`score` (or `answers` for CUSTOM "
            + "surveys), an optional comment. 201 once; then the link is used (410). An answer that does not fit the "
            + "survey is 400 and leaves the link usable.")
    public Uni<Response> respond(@PathParam("token") String token,
                                 @NotNull(message = "a JSON body is required") PublicAnswer answer) {
        return invitations.respond(token, new ResponseInput(answer.score(), answer.answers(), answer.comment(), answer.channel()))
                .map(r -> Response.status(201).entity(new PublicAnswerView(r.response().id, r.response().recordedAt)).build());
    }
}
