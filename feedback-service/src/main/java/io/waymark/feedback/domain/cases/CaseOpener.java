package io.waymark.feedback.domain.cases;

import io.smallrye.mutiny.Uni;
import io.waymark.contracts.Topics;
import io.waymark.contracts.feedback.FeedbackCaseOpened;
import io.waymark.feedback.domain.FeedbackConfig;
import io.waymark.feedback.domain.journeys.TouchpointOwners;
import io.waymark.feedback.domain.response.SurveyResponse;
import io.waymark.feedback.domain.survey.Survey;
import io.waymark.feedback.persistence.CaseHistoryRepository;
import io.waymark.feedback.persistence.CaseRepository;
import io.waymark.platform.domain.Ids;
import io.waymark.platform.domain.Timestamps;
import io.waymark.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * The closed loop's first step, inside the transaction that records a response: an unhappy answer opens a
 * case for the team that owns the touchpoint (else the survey's team), with a priority from how unhappy the
 * answer is and who the customer is, and a due time from that priority's SLA; case-opened goes in the same
 * transaction. The response is new in this transaction, so it can open only this one case.
 */
@ApplicationScoped
public class CaseOpener {

    private final CaseRepository cases;
    private final CaseHistoryRepository history;
    private final TouchpointOwners owners;
    private final Outbox outbox;
    private final FeedbackConfig config;

    CaseOpener(CaseRepository cases, CaseHistoryRepository history, TouchpointOwners owners, Outbox outbox,
               FeedbackConfig config) {
        this.cases = cases;
        this.history = history;
        this.owners = owners;
        this.outbox = outbox;
        this.config = config;
    }

    /** The case the response opened, or null when it is not unhappy. */
    public Uni<FeedbackCase> openIfUnhappy(SurveyResponse response, Survey survey) {
        Unhappiness unhappiness = Unhappiness.of(response.kind, response.score, response.sentiment,
                config.unhappy().thresholds(), config.veryUnhappy().thresholds());
        if (!unhappiness.opensCase()) {
            return Uni.createFrom().nullItem();
        }
        return owners.ownerOf(response.journeyId, response.touchpointKey)
                .map(owner -> newCase(response, unhappiness, owner.orElse(survey.owningTeam)))
                .call(cases::persist)
                .call(c -> history.persist(opening(c)))
                .call(c -> outbox.record(Topics.FEEDBACK_EVENTS, FeedbackCaseOpened.TYPE, c.customerId, c.revision,
                        c.opened(c.openedAt)));
    }

    private FeedbackCase newCase(SurveyResponse response, Unhappiness unhappiness, String team) {
        // now, not when the answer was given: an answer reported late (an import) is news now, and its SLA runs from now
        OffsetDateTime now = Timestamps.now();
        FeedbackCase c = new FeedbackCase();
        c.id = Ids.newId();
        c.responseId = response.id;
        c.surveyId = response.surveyId;
        c.customerId = response.customerId;
        c.team = team;
        c.status = CaseStatus.OPEN;
        boolean loyal = response.lifecycleStage != null && config.loyalStages().contains(response.lifecycleStage);
        c.priority = unhappiness.severe() || loyal ? FeedbackCase.HIGH : FeedbackCase.NORMAL;
        c.reasonList = new FeedbackCase.Reasons(unhappiness.reasons());
        c.kind = response.kind;
        c.scoreBefore = response.score;
        c.normalizedBefore = response.normalizedScore;
        c.journeyId = response.journeyId;
        c.touchpointKey = response.touchpointKey;
        c.lifecycleStage = response.lifecycleStage;
        c.openedAt = now;
        c.dueAt = now.plus(sla(c.priority));
        c.updatedAt = now;
        return c;
    }

    Duration sla(String priority) {
        return FeedbackCase.HIGH.equals(priority) ? config.sla().high() : config.sla().normal();
    }

    private static CaseHistory opening(FeedbackCase c) {
        CaseHistory h = new CaseHistory();
        h.id = Ids.newId();
        h.caseId = c.id;
        h.at = c.openedAt;
        h.actor = CaseHistory.SYSTEM;
        h.statusTo = CaseStatus.OPEN;
        h.note = "opened by response " + c.responseId + ": " + String.join(", ", c.reasons()) + "; priority " + c.priority;
        return h;
    }
}
