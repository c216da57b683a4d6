package io.waymark.analytics.domain.churn;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Everything analytics keeps of one customer for churn risk, each fact with its time, in time order. Features
 * and labels at any instant are computed from this alone ({@link ChurnFeatures}, {@link ChurnLabels}).
 *
 * @param days        the days the customer interacted, with the channel (a day on two channels is two entries)
 * @param lostMarks   interactions that mark the customer explicitly lost
 * @param moves       the customer's stage from its creation on
 * @param answers     survey answers
 * @param cases       follow-up cases
 * @param touchpoints first reach of each touchpoint, by {@code journeyId:key}
 */
public record CustomerHistory(UUID customerId, List<ActiveDay> days, List<Instant> lostMarks, List<StageMove> moves,
                              List<Answer> answers, List<Case> cases, Map<String, Instant> touchpoints) {

    public record ActiveDay(LocalDate day, String channel) {
    }

    public record StageMove(Instant at, String stage, boolean backward) {
    }

    /** @param normalized 0..1, 1 the best answer; {@code score} on the survey's scale (NPS 0..10) */
    public record Answer(Instant at, String kind, Integer score, Double normalized, boolean negativeComment,
                         String touchpoint) {
    }

    public record Case(Instant openedAt, Instant dueAt, Instant closedAt) {

        boolean openAt(Instant t) {
            return openedAt != null && openedAt.isBefore(t) && (closedAt == null || !closedAt.isBefore(t));
        }
    }
}
