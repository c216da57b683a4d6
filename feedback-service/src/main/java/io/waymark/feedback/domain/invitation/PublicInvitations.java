package io.waymark.feedback.domain.invitation;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.waymark.feedback.domain.FeedbackConfig;
import io.waymark.feedback.domain.TextRules;
import io.waymark.feedback.domain.customers.CustomerFacts;
import io.waymark.feedback.domain.response.AnswerRules;
import io.waymark.feedback.domain.response.Recorded;
import io.waymark.feedback.domain.response.ResponseInput;
import io.waymark.feedback.domain.response.ResponseRecorder;
import io.waymark.feedback.domain.response.ResponseRecorder.Origin;
import io.waymark.feedback.domain.response.Scored;
import io.waymark.feedback.domain.sentiment.SentimentScorer;
import io.waymark.feedback.domain.survey.Survey;
import io.waymark.feedback.persistence.InvitationRepository;
import io.waymark.feedback.persistence.SurveyRepository;
import io.waymark.platform.domain.Gone;
import io.waymark.platform.domain.Invalid;
import io.waymark.platform.domain.Invalid.FieldError;
import io.waymark.platform.domain.NotFound;
import io.waymark.platform.domain.Ids;
import io.waymark.platform.domain.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * What a customer does with an invitation link, without logging in: see the survey, answer it once. The token
 * is the credential; a used or expired one is 410 (the detail says which), one never handed out 404.
 */
@ApplicationScoped
public class PublicInvitations {

    /** An invitation that may still be answered, and its survey. */
    public record Open(Invitation invitation, Survey survey) {
    }

    private final InvitationRepository invitations;
    private final SurveyRepository surveys;
    private final ResponseRecorder recorder;
    private final CustomerFacts customers;
    private final SentimentScorer sentiments;
    private final FeedbackConfig config;

    PublicInvitations(InvitationRepository invitations, SurveyRepository surveys, ResponseRecorder recorder,
                      CustomerFacts customers, SentimentScorer sentiments, FeedbackConfig config) {
        this.invitations = invitations;
        this.surveys = surveys;
        this.recorder = recorder;
        this.customers = customers;
        this.sentiments = sentiments;
        this.config = config;
    }

    @WithSession
    public Uni<Open> show(String token) {
        return open(token);
    }

    /**
     * Checks the link and the answer (cheap reads, and nothing is spent on sentiment for a dead link), computes
     * the comment's sentiment off the event loop, then locks the customer, uses the invitation and records the
     * answer in one transaction: the invitation is marked used by one conditional update, so of two racing requests one wins
     * and the other is 410; an answer that fails validation leaves the link usable.
     */
    public Uni<Recorded> respond(String token, ResponseInput input) {
        List<FieldError> errors = new ArrayList<>();
        TextRules.check(errors, "comment", input.comment(), config.maxCommentLength(), false);
        if (!errors.isEmpty()) {
            throw new Invalid("the answer is not valid", errors);
        }
        return Panache.withSession(() -> open(token).invoke(o -> AnswerRules.check(o.survey(), input, config.maxCommentLength())))
                .flatMap(checked -> sentiments.scoreOffEventLoop(input.comment()).flatMap(sentiment -> Panache.withTransaction(() ->
                        // the customer first, as an erasure does (it then deletes the links), never the link first
                        customers.survivor(checked.invitation().customerId)
                        .flatMap(customer -> invitations.use(InvitationTokens.hash(token)))
                        .flatMap(usedId -> usedId == null ? open(token).replaceWith((Open) null) // throws 410 / 404
                                : invitations.findById(usedId).flatMap(this::withActiveSurvey))
                        .flatMap(o -> {
                            Scored scored = AnswerRules.check(o.survey(), input, config.maxCommentLength());
                            Invitation invitation = o.invitation();
                            invitation.responseId = Ids.newId();
                            return recorder.record(o.survey(), invitation.responseId, invitation.customerId, scored,
                                    input, sentiment, new Origin(invitation.id, invitation.caseId), null);
                        }))));
    }

    private Uni<Open> open(String token) {
        if (!InvitationTokens.looksValid(token)) {
            return Uni.createFrom().failure(new NotFound("invitation", "(token)"));
        }
        return invitations.findByTokenHash(InvitationTokens.hash(token)).flatMap(invitation -> {
            if (invitation == null) {
                throw new NotFound("invitation", "(token)");
            }
            if (invitation.usedAt != null) {
                throw new Gone("this invitation was used at " + invitation.usedAt + "; each link takes one answer");
            }
            if (!invitation.expiresAt.isAfter(Timestamps.now())) {
                throw new Gone("this invitation expired at " + invitation.expiresAt);
            }
            return withActiveSurvey(invitation);
        });
    }

    private Uni<Open> withActiveSurvey(Invitation invitation) {
        return surveys.findById(invitation.surveyId).map(survey -> {
            if (!survey.isActive()) {
                throw new Gone("survey " + survey.id + " is " + survey.status + " and takes no more answers");
            }
            return new Open(invitation, survey);
        });
    }
}
