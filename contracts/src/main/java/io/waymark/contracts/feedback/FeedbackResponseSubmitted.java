package io.waymark.contracts.feedback;

import io.waymark.contracts.EventType;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A customer answered a survey; published on {@code feedback.events} by feedback-service. The comment text
 * stays with feedback-service; its sentiment travels.
 *
 * @param kind      {@code NPS} (score 0-10), {@code CSAT} (1-5) or {@code CES} (1-7)
 * @param sentiment the comment's compound sentiment, -1 (negative) to 1 (positive), null without a comment
 */
public record FeedbackResponseSubmitted(UUID responseId, UUID surveyId, UUID customerId, String kind, int score,
                                        Double sentiment, String touchpoint, OffsetDateTime submittedAt) {

    public static final EventType TYPE = new EventType("feedback.response-submitted", 1);
}
