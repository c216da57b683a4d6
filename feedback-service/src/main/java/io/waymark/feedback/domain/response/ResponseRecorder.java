package io.waymark.feedback.domain.response;

import io.smallrye.mutiny.Uni;
import io.waymark.contracts.Topics;
import io.waymark.contracts.feedback.FeedbackResponseRecorded;
import io.waymark.feedback.domain.cases.CaseHistory;
import io.waymark.feedback.domain.cases.CaseOpener;
import io.waymark.feedback.domain.cases.FeedbackCase;
import io.waymark.feedback.domain.customers.CustomerFacts;
import io.waymark.feedback.domain.sentiment.Sentiment;
import io.waymark.feedback.domain.survey.Survey;
import io.waymark.feedback.persistence.CaseHistoryRepository;
import io.waymark.feedback.persistence.CaseRepository;
import io.waymark.feedback.persistence.ResponseRepository;
import io.waymark.platform.domain.Ids;
import io.waymark.platform.domain.Timestamps;
import io.waymark.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Records a checked answer inside the caller's transaction, whichever way it came (a system, or a customer's
 * invitation link): the response, response-recorded, the link to the customer's cases waiting for a score
 * after, and the case an unhappy answer opens with its case-opened. All commit together or not at all.
 */
@ApplicationScoped
public class ResponseRecorder {

    /** Where the answer came from: the invitation that carried it and the case that invitation follows up, if any. */
    public record Origin(UUID invitationId, UUID followsUpCase) {

        public static final Origin SYSTEM = new Origin(null, null);
    }

    private final ResponseRepository responses;
    private final CaseRepository cases;
    private final CaseHistoryRepository history;
    private final CaseOpener opener;
    private final CustomerFacts customers;
    private final Outbox outbox;

    ResponseRecorder(ResponseRepository responses, CaseRepository cases, CaseHistoryRepository history,
                     CaseOpener opener, CustomerFacts customers, Outbox outbox) {
        this.responses = responses;
        this.cases = cases;
        this.history = history;
        this.opener = opener;
        this.customers = customers;
        this.outbox = outbox;
    }

    /** {@code answeredAt}: when the customer answered, if a system reported it late (checked by the caller); null: now. */
    public Uni<Recorded> record(Survey survey, UUID responseId, UUID customerId, Scored scored, ResponseInput input,
                                Sentiment sentiment, Origin origin, OffsetDateTime answeredAt) {
        return customers.current(customerId).flatMap(customer -> customers.stageOf(customer).flatMap(stage -> {
            SurveyResponse r = new SurveyResponse();
            r.id = responseId;
            r.surveyId = survey.id;
            r.kind = survey.kind;
            r.score = scored.score();
            r.normalizedScore = scored.normalizedScore();
            r.answers(scored.answers());
            r.comment = sentiment == null ? null : input.comment().strip();
            r.sentiment = sentiment == null ? null : sentiment.score();
            r.sentimentLabel = sentiment == null ? null : sentiment.label();
            r.customerId = customer;
            r.invitationId = origin.invitationId();
            r.journeyId = survey.journeyId;
            r.touchpointKey = survey.touchpointKey;
            r.lifecycleStage = stage;
            r.channel = input.channel() != null ? input.channel() : survey.channel;
            r.recordedAt = answeredAt == null ? Timestamps.now() : answeredAt;
            return responses.persist(r)
                    .call(saved -> outbox.record(Topics.FEEDBACK_EVENTS, FeedbackResponseRecorded.TYPE, customer, 1,
                            event(saved)))
                    .call(saved -> saved.score == null ? Uni.createFrom().voidItem()
                            : cases.linkFollowUp(saved, origin.followsUpCase()).flatMap(linked -> recovered(saved, linked)))
                    .flatMap(saved -> opener.openIfUnhappy(saved, survey))
                    .map(opened -> new Recorded(r, opened == null ? null : opened.id, true));
        }));
    }

    /** A history row on each case the answer was linked to as its score after. */
    private Uni<Void> recovered(SurveyResponse r, List<UUID> linked) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (UUID caseId : linked) {
            CaseHistory h = new CaseHistory();
            h.id = Ids.newId();
            h.caseId = caseId;
            h.at = r.recordedAt;
            h.actor = CaseHistory.SYSTEM;
            h.note = "the customer answered again (response " + r.id + "); score after: " + r.score;
            chain = chain.flatMap(v -> history.persist(h).replaceWithVoid());
        }
        return chain;
    }

    /** The answer of a response id recorded before: the original, and the case it opened. */
    public Uni<Recorded> repeated(SurveyResponse original) {
        return cases.findByResponse(original.id).map((FeedbackCase c) -> new Recorded(original, c == null ? null : c.id, false));
    }

    private static FeedbackResponseRecorded event(SurveyResponse r) {
        return new FeedbackResponseRecorded(r.id, r.surveyId, r.kind.name(), r.score, r.normalizedScore, r.sentiment,
                r.sentimentLabel, r.customerId, r.journeyId, r.touchpointKey, r.lifecycleStage, r.channel, r.recordedAt);
    }
}
