package io.waymark.feedback.domain.customers;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.waymark.feedback.domain.cases.CaseHistory;
import io.waymark.feedback.domain.cases.FeedbackCase;
import io.waymark.feedback.domain.response.Answer;
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

    public record ResponseExport(UUID id, UUID surveyId, String kind, Integer score, List<Answer> answers,
                                 String comment, Double sentiment, String sentimentLabel, String channel,
                                 OffsetDateTime recordedAt) {
    }

    public record InvitationExport(UUID id, UUID surveyId, UUID caseId, OffsetDateTime createdAt,
                                   OffsetDateTime expiresAt, OffsetDateTime usedAt, UUID responseId) {
    }

    public record CaseExport(UUID id, UUID responseId, String team, String status, String priority, List<String> reasons,
                             String rootCause, String rootCauseText, OffsetDateTime openedAt, OffsetDateTime resolvedAt,
                             OffsetDateTime closedAt, List<HistoryExport> history) {
    }

    public record HistoryExport(OffsetDateTime at, String actor, String statusFrom, String statusTo, String note,
                                String rootCauseText) {
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
            return responses.ofCustomer(customerId).map(found -> found.stream().map(r -> new ResponseExport(r.id,
                    r.surveyId, r.kind.name(), r.score, r.answers(), r.comment, r.sentiment, r.sentimentLabel, r.channel,
                    r.recordedAt)).toList()).map(FeedbackPersonalData::nothingIfEmpty);
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
                    chain = chain.flatMap(v -> history.ofCase(c.id).invoke(h -> exported.add(export(c, h))).replaceWithVoid());
                }
                return chain.map(v -> nothingIfEmpty(exported));
            });
        }

        private static CaseExport export(FeedbackCase c, List<CaseHistory> history) {
            return new CaseExport(c.id, c.responseId, c.team, c.status, c.priority, c.reasons(), c.rootCause,
                    c.rootCauseText, c.openedAt, c.resolvedAt, c.closedAt, history.stream().map(h -> new HistoryExport(
                    h.at, h.actor, h.statusFrom, h.statusTo, h.note, h.rootCauseText)).toList());
        }
    }
}
