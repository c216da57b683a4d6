package io.waymark.analytics.domain.model;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.waymark.analytics.domain.churn.ChurnConfig;
import io.waymark.analytics.domain.churn.ChurnDefinition;
import io.waymark.analytics.domain.rollup.Days;
import io.waymark.analytics.persistence.churn.ChurnFacts;
import io.waymark.contracts.feedback.FeedbackResponseRecorded;
import io.waymark.contracts.journey.InteractionRecorded;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The facts churn risk needs, kept per customer with their times (decision 013), from the events the other models
 * already apply: interactions a poll at a time (one statement: the days and channels of the poll's subjects),
 * stage moves, answers and cases. Touchpoints reached come from the journey read model (journey_subject).
 */
@ApplicationScoped
public class ChurnHistoryModel {

    static final String UNKNOWN_CHANNEL = "unknown";

    private final ChurnFacts facts;
    private final Set<String> lostTypes;

    ChurnHistoryModel(ChurnFacts facts, ChurnConfig config) {
        this.facts = facts;
        this.lostTypes = Set.copyOf(config.lostInteractionTypes());
    }

    /** Interactions of subjects not erased: the days and channels of the poll, and lost marks. */
    public Uni<Void> interactions(SqlConnection tx, List<InteractionRecorded> live) {
        Set<ChurnFacts.Day> days = new HashSet<>();
        List<ChurnFacts.LostMark> lost = new ArrayList<>();
        for (InteractionRecorded i : live) {
            String subject = Subjects.of(i.customerId(), i.anonymousId());
            String channel = i.channel() == null || i.channel().isBlank() ? UNKNOWN_CHANNEL : i.channel();
            days.add(new ChurnFacts.Day(subject, Days.of(i.occurredAt()), channel));
            if (lostTypes.contains(i.type())) {
                lost.add(new ChurnFacts.LostMark(subject, i.occurredAt()));
            }
        }
        return facts.days(tx, days).flatMap(v -> facts.lostMarks(tx, lost));
    }

    /** A customer's stage as of a version of it: created in it, or moved there from {@code from}. */
    public record Move(UUID customerId, long version, OffsetDateTime at, String from, String to) {
    }

    public Uni<Void> moves(SqlConnection tx, List<Move> moves) {
        return facts.moves(tx, moves.stream().map(m -> new ChurnFacts.Move(m.customerId(), m.version(), m.at(), m.to(),
                m.from() != null && ChurnDefinition.order(m.to()) >= 0
                        && ChurnDefinition.order(m.to()) < ChurnDefinition.order(m.from()))).toList());
    }

    public Uni<Void> answers(SqlConnection tx, List<FeedbackResponseRecorded> answers) {
        return facts.answers(tx, answers.stream().filter(a -> a.customerId() != null && a.kind() != null)
                .map(a -> new ChurnFacts.AnswerRow(a.responseId(), a.customerId(), a.kind(), a.score(), a.normalizedScore(),
                        "negative".equals(a.sentimentLabel()), a.journeyId(), a.touchpointKey(), a.recordedAt()))
                .toList());
    }

    public Uni<Void> caseOpened(SqlConnection tx, UUID caseId, UUID customerId, OffsetDateTime openedAt,
                                OffsetDateTime dueAt, long version) {
        return facts.caseState(tx, caseId, customerId, openedAt, dueAt, null, version);
    }

    public Uni<Void> caseClosed(SqlConnection tx, UUID caseId, UUID customerId, OffsetDateTime closedAt, long version) {
        return facts.caseState(tx, caseId, customerId, null, null, closedAt, version);
    }

    public Uni<Void> fold(SqlConnection tx, String from, String into) {
        return facts.fold(tx, from, into, Subjects.customerOf(from), Subjects.customerOf(into));
    }

    public Uni<Void> forget(SqlConnection tx, String subject) {
        return facts.forget(tx, subject, Subjects.customerOf(subject));
    }

}
