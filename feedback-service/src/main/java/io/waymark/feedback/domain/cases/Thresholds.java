package io.waymark.feedback.domain.cases;

/**
 * Where an answer starts to count as unhappy (or very unhappy): NPS and CSAT at or below, CES (effort) at or
 * above, comment sentiment at or below.
 */
public record Thresholds(int npsAtMost, int csatAtMost, int cesAtLeast, double sentimentAtMost) {
}
