package io.waymark.feedback.domain.customers;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.waymark.contracts.LifecycleStage;
import io.waymark.feedback.domain.cases.CaseHistory;
import io.waymark.feedback.domain.cases.FeedbackCase;
import io.waymark.feedback.domain.response.Answer;
import io.waymark.feedback.domain.response.SurveyResponse;
import io.waymark.feedback.persistence.CaseHistoryRepository;
import io.waymark.feedback.persistence.CaseRepository;
import io.waymark.feedback.persistence.InvitationRepository;
import io.waymark.feedback.persistence.ResponseRepository;
import io.waymark.platform.privacy.PersonalData;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** feedback-service's parts of a GDPR export: the customer's answers, invitations and cases. */
public final class FeedbackPersonalData {

    private FeedbackPersonalData() {
    }

    /** An answer, with where and when it was given (journey, touchpoint, the customer's stage, the link). */
    public record ResponseExport(UUID id, UUID surveyId, String kind, Integer score, List<Answer> answers,
                                 String comment, Double sentiment, String sentimentLabel, String channel,
                                 UUID journeyId, String touchpointKey, LifecycleStage lifecycleStage,
                                 UUID invitationId, OffsetDateTime recordedAt) {

        static ResponseExport of(SurveyResponse r) {
            return new ResponseExport(r.id, r.surveyId, r.kind.name(), r.score, r.answers(), r.comment, r.sentiment,
                    r.sentimentLabel, r.channel, r.journeyId, r.touchpointKey, r.lifecycleStage, r.invitationId,
                    r.recordedAt);
        }
    }

    public record InvitationExport(UUID id, UUID surveyId, UUID caseId, OffsetDateTime createdAt,
                                   OffsetDateTime expiresAt, OffsetDateTime usedAt, UUID responseId) {
    }

    /** A case about the customer: its context, who works it, the work and the recovery (score before and after). */
    public record CaseExport(UUID id, UUID responseId, String team, String status, String priority, List<String> reasons,
                             UUID journeyId, String touchpointKey, LifecycleStage lifecycleStage, String assignee,
                             String rootCause, String rootCauseText, OffsetDateTime openedAt, OffsetDateTime dueAt,
                             OffsetDateTime resolvedAt, OffsetDateTime closedAt, RecoveryExport recovery,
                             List<HistoryExport> history) {

        static CaseExport of(FeedbackCase c, List<CaseHistory> history) {
            return new CaseExport(c.id, c.responseId, c.team, c.status, c.priority, c.reasons(), c.journeyId,
                    c.touchpointKey, c.lifecycleStage, c.assignee, c.rootCause, c.rootCauseText, c.openedAt, c.dueAt,
                    c.resolvedAt, c.closedAt, new RecoveryExport(c.kind.name(), c.scoreBefore, c.scoreAfter,
                    c.normalizedBefore, c.normalizedAfter, c.followUpResponseId),
                    history.stream().map(HistoryExport::of).toList());
        }
    }

    /** The score that opened the case and the customer's next one after its resolution (null until then). */
    public record RecoveryExport(String kind, Integer scoreBefore, Integer scoreAfter, Double normalizedBefore,
                                 Double normalizedAfter, UUID followUpResponseId) {
    }

    public record HistoryExport(OffsetDateTime at, String actor, String statusFrom, String statusTo,
                                String assigneeFrom, String assigneeTo, String rootCause, String rootCauseText,
                                String note) {

        static HistoryExport of(CaseHistory h) {
            return new HistoryExport(h.at, h.actor, h.statusFrom, h.statusTo, h.assigneeFrom, h.assigneeTo, h.rootCause,
                    h.rootCauseText, h.note);
        }
    }

    /** The export lists only parts that hold something. */
    static Object nothingIfEmpty(List<?> items) {
        return items.isEmpty() ? null : items;
    }

    @ApplicationScoped
    public static class Responses implements PersonalData {

        private final ResponseRepository responses;

        Responses(ResponseRepository responses) {
            this.responses = responses;
        }

        @Override
        public String part() {
            return "surveyResponses";
        }

        @Override
        @WithSession
        public Uni<Object> export(UUID customerId) {
            return responses.ofCustomer(customerId).map(found -> found.stream().map(ResponseExport::of).toList())
                    .map(FeedbackPersonalData::nothingIfEmpty);
        }
    }

    @ApplicationScoped
    public static class Invitations implements PersonalData {

        private final InvitationRepository invitations;

        Invitations(InvitationRepository invitations) {
            this.invitations = invitations;
        }

        @Override
        public String part() {
            return "surveyInvitations";
        }

        @Override
        @WithSession
        public Uni<Object> export(UUID customerId) {
            return invitations.ofCustomer(customerId).map(found -> found.stream().map(i -> new InvitationExport(i.id,
                    i.surveyId, i.caseId, i.createdAt, i.expiresAt, i.usedAt, i.responseId)).toList())
                    .map(FeedbackPersonalData::nothingIfEmpty);
        }
    }

    @ApplicationScoped
    public static class Cases implements PersonalData {

        private final CaseRepository cases;
        private final CaseHistoryRepository history;

        Cases(CaseRepository cases, CaseHistoryRepository history) {
            this.cases = cases;
            this.history = history;
        }

        @Override
        public String part() {
            return "feedbackCases";
        }

        @Override
        @WithSession
        public Uni<Object> export(UUID customerId) {
            return cases.ofCustomer(customerId).flatMap(found -> {
                List<CaseExport> exported = new ArrayList<>();
                Uni<Void> chain = Uni.createFrom().voidItem();
                for (FeedbackCase c : found) {
                    chain = chain.flatMap(v -> history.ofCase(c.id).invoke(h -> exported.add(CaseExport.of(c, h)))
                            .replaceWithVoid());
                }
                return chain.map(v -> nothingIfEmpty(exported));
            });
        }
    }
}
