package io.waymark.feedback.domain.response;

import java.util.List;
import java.util.UUID;

/**
 * An answer to record: {@code score} for NPS, CSAT and CES surveys, {@code answers} for CUSTOM ones; an optional
 * comment (its sentiment is computed on write) and channel.
 */
public record ResponseInput(Integer score, List<Answer> answers, String comment, String channel) {
}
