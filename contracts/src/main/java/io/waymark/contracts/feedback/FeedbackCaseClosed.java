package io.waymark.contracts.feedback;

import io.waymark.contracts.EventType;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A follow-up case was closed; published on {@code feedback.events} by feedback-service, keyed by customer id.
 *
 * @param rootCause        the cause a person chose from the configured list (free text stays in the service)
 * @param secondsToResolve from opening to resolution (to closing when it was never marked resolved)
 * @param recovery         the customer's score before and after the case, when a later answer is known
 */
public record FeedbackCaseClosed(UUID caseId, UUID customerId, String team, String priority, String rootCause,
                                 UUID journeyId, String touchpointKey, OffsetDateTime openedAt,
                                 OffsetDateTime resolvedAt, OffsetDateTime closedAt, long secondsToResolve,
                                 Recovery recovery) {

    public static final EventType TYPE = new EventType("feedback.case-closed", 1);

    /** The score that opened the case and the customer's next score after it was resolved (same survey kind). */
    public record Recovery(String kind, Integer scoreBefore, Integer scoreAfter, Double normalizedBefore,
                           Double normalizedAfter, UUID followUpResponseId) {
    }
}
