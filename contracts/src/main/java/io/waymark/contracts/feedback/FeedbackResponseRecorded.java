package io.waymark.contracts.feedback;

import io.waymark.contracts.EventType;
import io.waymark.contracts.LifecycleStage;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A customer answered a survey; published on {@code feedback.events} by feedback-service, keyed by customer id.
 * The comment text stays with feedback-service; its sentiment travels.
 *
 * @param kind            {@code NPS} (score 0-10), {@code CSAT} (1-5), {@code CES} (1-7) or {@code CUSTOM}
 * @param score           the answer on the survey's scale; for {@code CUSTOM}, its first rating question's, else null
 * @param normalizedScore the score on 0..1 (0 the worst answer, 1 the best; for CES, low effort is best)
 * @param sentiment       the comment's compound sentiment, -1 (negative) to 1 (positive); null without a comment
 * @param sentimentLabel  {@code negative}, {@code neutral} or {@code positive}; null without a comment
 * @param lifecycleStage  the customer's stage when answering, as feedback-service knew it (may be null)
 * @param channel         where the answer came from ({@code web}, {@code email}, ...), when known
 */
public record FeedbackResponseRecorded(UUID responseId, UUID surveyId, String kind, Integer score,
                                       Double normalizedScore, Double sentiment, String sentimentLabel,
                                       UUID customerId, UUID journeyId, String touchpointKey,
                                       LifecycleStage lifecycleStage, String channel, OffsetDateTime recordedAt) {

    public static final EventType TYPE = new EventType("feedback.response-recorded", 1);
}
