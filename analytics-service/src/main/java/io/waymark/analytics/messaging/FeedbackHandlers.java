package io.waymark.analytics.messaging;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.waymark.analytics.domain.model.ChurnHistoryModel;
import io.waymark.analytics.domain.model.FeedbackModel;
import io.waymark.contracts.EventType;
import io.waymark.contracts.feedback.FeedbackCaseClosed;
import io.waymark.contracts.feedback.FeedbackCaseOpened;
import io.waymark.contracts.feedback.FeedbackResponseRecorded;
import io.waymark.platform.messaging.InvalidEvent;
import io.waymark.platform.messaging.MixedBatchHandler;
import io.waymark.platform.messaging.ReceivedEvent;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * feedback.events (answers, and the cases unhappy answers open, interleaved): answers into the experience
 * rollups in one go, each case's open or closed state by its version; cases also go into the churn history.
 */
@ApplicationScoped
class FeedbackHandlers implements MixedBatchHandler {

    private final FeedbackModel feedback;
    private final ChurnHistoryModel churn;

    FeedbackHandlers(FeedbackModel feedback, ChurnHistoryModel churn) {
        this.feedback = feedback;
        this.churn = churn;
    }

    @Override
    public Map<EventType, Class<?>> types() {
        return Map.of(FeedbackResponseRecorded.TYPE, FeedbackResponseRecorded.class,
                FeedbackCaseOpened.TYPE, FeedbackCaseOpened.class, FeedbackCaseClosed.TYPE, FeedbackCaseClosed.class);
    }

    @Override
    public Uni<Void> handleAll(List<ReceivedEvent<?>> events, SqlConnection tx) {
        List<FeedbackResponseRecorded> answers = new ArrayList<>();
        Uni<Void> cases = Uni.createFrom().voidItem();
        for (ReceivedEvent<?> e : events) {
            long version = e.aggregateVersion() == null ? 1 : e.aggregateVersion();
            switch (e.data()) {
                case FeedbackResponseRecorded r -> {
                    if (r.responseId() == null || r.recordedAt() == null) {
                        throw new InvalidEvent("feedback.response-recorded " + e.id() + " needs responseId and recordedAt");
                    }
                    answers.add(r);
                }
                case FeedbackCaseOpened o -> {
                    requireCase(e, o.caseId() == null);
                    cases = cases.flatMap(v -> feedback.caseState(tx, o.caseId(), o.journeyId(), o.touchpointKey(), true, version))
                            .flatMap(v -> churn.caseOpened(tx, o.caseId(), o.customerId(), o.openedAt(), o.dueAt(), version));
                }
                case FeedbackCaseClosed c -> {
                    requireCase(e, c.caseId() == null);
                    OffsetDateTime closedAt = c.closedAt() != null ? c.closedAt() : e.time();
                    cases = cases.flatMap(v -> feedback.caseState(tx, c.caseId(), c.journeyId(), c.touchpointKey(), false, version))
                            .flatMap(v -> churn.caseClosed(tx, c.caseId(), c.customerId(), closedAt, version));
                }
                default -> throw new InvalidEvent("feedback.events: unexpected " + e.type());
            }
        }
        return cases.flatMap(v -> answers.isEmpty() ? Uni.createFrom().voidItem() : feedback.answers(tx, answers));
    }

    private static void requireCase(ReceivedEvent<?> e, boolean missing) {
        if (missing) {
            throw new InvalidEvent(e.type() + " " + e.id() + " needs a caseId");
        }
    }
}
