package io.waymark.feedback.domain.response;

import java.util.List;

/** A response checked against its survey: the score on the survey's scale and 0..1, and the answers as kept. */
public record Scored(Integer score, Double normalizedScore, List<Answer> answers) {
}
