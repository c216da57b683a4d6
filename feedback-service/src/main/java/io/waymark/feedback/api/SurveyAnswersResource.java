package io.waymark.feedback.api;

import io.smallrye.mutiny.Uni;
import io.waymark.feedback.api.SurveyViews.InvitationRequest;
import io.waymark.feedback.api.SurveyViews.InvitationView;
import io.waymark.feedback.api.SurveyViews.ResponseRequest;
import io.waymark.feedback.api.SurveyViews.ResponseView;
import io.waymark.feedback.domain.invitation.InvitationService;
import io.waymark.feedback.domain.response.ResponseInput;
import io.waymark.feedback.domain.response.ResponseService;
import io.waymark.feedback.domain.summary.Interval;
import io.waymark.feedback.domain.summary.SummaryService;
import io.waymark.feedback.domain.summary.SurveySummary;
import io.waymark.platform.api.Callers;
import io.waymark.platform.domain.Invalid;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What a survey collects: answers from systems, invitation links for customers, and its scores. */
@Path("/surveys/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Surveys")
@SecurityRequirement(name = "SecurityScheme")
public class SurveyAnswersResource {

    private final ResponseService responses;
    private final InvitationService invitations;
    private final SummaryService summaries;
    private final Callers callers;

    SurveyAnswersResource(ResponseService responses, InvitationService invitations, SummaryService summaries,
                          Callers callers) {
        this.responses = responses;
        this.invitations = invitations;
        this.summaries = summaries;
        this.callers = callers;
    }

    @POST
    @Path("/responses")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("ingest")
    @Operation(summary = "Record an answer from a system", description = "`id` is the client's UUID: 201 the first "
            + "time, 200 with the original for a repeat (nothing else happens). `score` on the survey's scale, or for "
            + "CUSTOM surveys `answers` [{question: key, value}]; an optional comment (sentiment computed on write) and "
            + "channel; `respondedAt` when the customer answered, for answers imported or replayed from before (from "
            + "1970 up to now; default now): the response's recordedAt. An unhappy answer opens a follow-up case "
            + "(`caseId`; opened now, its due time from now). Publishes feedback.response-recorded.v1 "
            + "(and feedback.case-opened.v1).")
    public Uni<Response> record(@PathParam("id") UUID surveyId,
                                @NotNull(message = "a JSON body is required") ResponseRequest request) {
        return responses.record(surveyId, request.id(), request.customerId(),
                        new ResponseInput(request.score(), request.answers(), request.comment(), request.channel()),
                        request.respondedAt())
                .map(r -> Response.status(r.created() ? 201 : 200).entity(ResponseView.of(r)).build());
    }

    @POST
    @Path("/invitations")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"admin", "agent", "ingest"})
    @Operation(summary = "Invite a customer to answer, by a single-use link", description = "The customer needs a "
            + "granted 'surveys' consent (409 otherwise) and the survey must be active (409). The token and url are "
            + "shown only in this answer; the link expires (waymark.feedback.invitation-ttl, 14 days by default).")
    public Uni<Response> invite(@PathParam("id") UUID surveyId,
                                @NotNull(message = "a JSON body is required") InvitationRequest request) {
        if (request.customerId() == null) {
            throw Invalid.field("customerId", "is required");
        }
        return invitations.invite(surveyId, request.customerId(), callers.current())
                .map(i -> Response.status(201).entity(InvitationView.of(i)).build());
    }

    @GET
    @Path("/summary")
    @RolesAllowed({"admin", "designer", "analyst", "agent"})
    @Operation(summary = "The survey's scores", description = "Over [from, to) (ISO dates or instants from 1970-01-01 "
            + "to 9999-12-31 UTC; default the last 90 days), overall and per interval (day, week or month; default week): responses, NPS with its "
            + "95% confidence interval, CSAT (% 4-5), CES mean, score distribution, sentiment mix. Intervals with "
            + "fewer than 30 answers are marked smallSample.")
    public Uni<SurveySummary> summary(@PathParam("id") UUID surveyId, @QueryParam("from") String from,
                                      @QueryParam("to") String to, @QueryParam("interval") String interval) {
        Interval unit = SurveyResource.present(interval).map(i -> Interval.parse(i)
                .orElseThrow(() -> Invalid.field("interval", "one of day, week, month"))).orElse(Interval.WEEK);
        return summaries.summary(surveyId, time("from", from), time("to", to), unit);
    }

    private static Optional<OffsetDateTime> time(String field, String value) {
        return SurveyResource.present(value).map(v -> {
            try {
                return v.length() == 10 ? LocalDate.parse(v).atStartOfDay().atOffset(ZoneOffset.UTC) : OffsetDateTime.parse(v);
            } catch (DateTimeParseException e) {
                throw Invalid.field(field, "an ISO-8601 date (2026-11-24) or instant (2026-11-24T10:00:00Z)");
            }
        });
    }
}
