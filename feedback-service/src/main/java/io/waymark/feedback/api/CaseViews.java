package io.waymark.feedback.api;

import io.waymark.contracts.LifecycleStage;
import io.waymark.feedback.api.SurveyViews.InvitationView;
import io.waymark.feedback.domain.cases.CaseHistory;
import io.waymark.feedback.domain.cases.CaseService.CaseDetail;
import io.waymark.feedback.domain.cases.CaseService.CaseUpdate;
import io.waymark.feedback.domain.cases.FeedbackCase;
import io.waymark.feedback.domain.response.SurveyResponse;
import io.waymark.platform.domain.Timestamps;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** What the case API answers. */
final class CaseViews {

    private CaseViews() {
    }

    /** A list entry. */
    record CaseSummary(UUID id, String team, String status, String priority, List<String> reasons,
                       OffsetDateTime dueAt, boolean overdue, UUID surveyId, UUID responseId, UUID customerId,
                       UUID journeyId, String touchpointKey, LifecycleStage lifecycleStage, String assignee,
                       OffsetDateTime openedAt, OffsetDateTime updatedAt) {

        static CaseSummary of(FeedbackCase c) {
            return new CaseSummary(c.id, c.team, c.status, c.priority, c.reasons(), c.dueAt,
                    c.isOverdue(Timestamps.now()), c.surveyId, c.responseId, c.customerId, c.journeyId,
                    c.touchpointKey, c.lifecycleStage, c.assignee, c.openedAt, c.updatedAt);
        }
    }

    /** The answer that opened the case. */
    record OpeningAnswer(String kind, Integer score, String comment, Double sentiment, String sentimentLabel,
                         String channel, OffsetDateTime recordedAt) {

        static OpeningAnswer of(SurveyResponse r) {
            return r == null ? null : new OpeningAnswer(r.kind.name(), r.score, r.comment, r.sentiment,
                    r.sentimentLabel, r.channel, r.recordedAt);
        }
    }

    /** The score before the case and the customer's next one after its resolution (null until they answer). */
    record Recovery(String kind, Integer scoreBefore, Integer scoreAfter, Double normalizedBefore,
                    Double normalizedAfter, UUID followUpResponseId) {

        static Recovery of(FeedbackCase c) {
            return new Recovery(c.kind.name(), c.scoreBefore, c.scoreAfter, c.normalizedBefore, c.normalizedAfter,
                    c.followUpResponseId);
        }
    }

    record HistoryEntry(OffsetDateTime at, String actor, String statusFrom, String statusTo, String assigneeFrom,
                        String assigneeTo, String rootCause, String rootCauseText, String note) {

        static HistoryEntry of(CaseHistory h) {
            return new HistoryEntry(h.at, h.actor, h.statusFrom, h.statusTo, h.assigneeFrom, h.assigneeTo, h.rootCause,
                    h.rootCauseText, h.note);
        }
    }

    /** One case with its answer, recovery and history; {@code followUpInvitation} only right after asking for it. */
    record CaseView(UUID id, String team, String status, String priority, List<String> reasons, OffsetDateTime dueAt,
                    boolean overdue, UUID surveyId, UUID responseId, UUID customerId, UUID journeyId,
                    String touchpointKey, LifecycleStage lifecycleStage, String assignee, String rootCause,
                    String rootCauseText, OffsetDateTime openedAt, OffsetDateTime resolvedAt, OffsetDateTime closedAt,
                    OffsetDateTime updatedAt, OpeningAnswer response, Recovery recovery, List<HistoryEntry> history,
                    InvitationView followUpInvitation) {

        static CaseView of(CaseDetail d) {
            return of(d, null);
        }

        static CaseView of(CaseUpdate u) {
            return of(u.detail(), u.invitation().map(InvitationView::of).orElse(null));
        }

        private static CaseView of(CaseDetail d, InvitationView invitation) {
            FeedbackCase c = d.kase();
            return new CaseView(c.id, c.team, c.status, c.priority, c.reasons(), c.dueAt, c.isOverdue(Timestamps.now()),
                    c.surveyId, c.responseId, c.customerId, c.journeyId, c.touchpointKey, c.lifecycleStage, c.assignee,
                    c.rootCause, c.rootCauseText, c.openedAt, c.resolvedAt, c.closedAt, c.updatedAt,
                    OpeningAnswer.of(d.response()), Recovery.of(c), d.history().stream().map(HistoryEntry::of).toList(),
                    invitation);
        }
    }
}
