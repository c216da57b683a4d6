package io.waymark.analytics.domain.model;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.waymark.analytics.domain.churn.ChurnConfig;
import io.waymark.analytics.domain.churn.ChurnDefinition;
import io.waymark.analytics.domain.rollup.Days;
import io.waymark.analytics.persistence.SubjectAliases;
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
    private final SubjectAliases aliases;
    private final Set<String> lostTypes;

    ChurnHistoryModel(ChurnFacts facts, SubjectAliases aliases, ChurnConfig config) {
        this.facts = facts;
        this.aliases = aliases;
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

    /** Answers by customer; one of a customer merged away before it arrived counts for the survivor. */
    public Uni<Void> answers(SqlConnection tx, List<FeedbackResponseRecorded> answers) {
        List<FeedbackResponseRecorded> known = answers.stream().filter(a -> a.customerId() != null && a.kind() != null)
                .toList();
        if (known.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Set<String> customers = new HashSet<>();
        known.forEach(a -> customers.add(a.customerId().toString()));
        return aliases.survivors(tx, customers).flatMap(survivors -> facts.answers(tx, known.stream()
                .map(a -> new ChurnFacts.AnswerRow(a.responseId(),
                        Subjects.customerOr(survivors.get(a.customerId().toString()), a.customerId()), a.kind(),
                        a.score(), a.normalizedScore(), "negative".equals(a.sentimentLabel()), a.journeyId(),
                        a.touchpointKey(), a.recordedAt()))
                .toList()));
    }

    public Uni<Void> caseOpened(SqlConnection tx, UUID caseId, UUID customerId, OffsetDateTime openedAt,
                                OffsetDateTime dueAt, long version) {
        return survivor(tx, customerId).flatMap(c -> facts.caseState(tx, caseId, c, openedAt, dueAt, null, version));
    }

    public Uni<Void> caseClosed(SqlConnection tx, UUID caseId, UUID customerId, OffsetDateTime closedAt, long version) {
        return survivor(tx, customerId).flatMap(c -> facts.caseState(tx, caseId, c, null, null, closedAt, version));
    }

    private Uni<UUID> survivor(SqlConnection tx, UUID customerId) {
        return customerId == null ? Uni.createFrom().nullItem()
                : aliases.survivorOf(tx, customerId.toString()).map(s -> Subjects.customerOr(s, customerId));
    }

    public Uni<Void> fold(SqlConnection tx, String from, String into) {
        return facts.fold(tx, from, into, Subjects.customerOf(from), Subjects.customerOf(into));
    }

    public Uni<Void> forget(SqlConnection tx, String subject) {
        return facts.forget(tx, subject, Subjects.customerOf(subject));
    }
}
