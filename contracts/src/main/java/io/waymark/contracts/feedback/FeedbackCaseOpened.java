package io.waymark.contracts.feedback;

import io.waymark.contracts.EventType;
import io.waymark.contracts.LifecycleStage;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * An unhappy answer opened a follow-up case (or a closed case was reopened: the same case id with a higher
 * aggregate version); published on {@code feedback.events} by feedback-service, keyed by customer id.
 *
 * @param reasons  why the answer counts as unhappy: {@code detractor}, {@code low-csat}, {@code high-effort},
 *                 {@code negative-comment}
 * @param team     the team that owns the case: the touchpoint's owner, else the survey's owning team
 * @param priority {@code high} or {@code normal}
 */
public record FeedbackCaseOpened(UUID caseId, UUID responseId, UUID surveyId, UUID customerId, String team,
                                 String priority, List<String> reasons, UUID journeyId, String touchpointKey,
                                 LifecycleStage lifecycleStage, OffsetDateTime openedAt, OffsetDateTime dueAt) {

    public static final EventType TYPE = new EventType("feedback.case-opened", 1);
}
