package io.waymark.feedback.domain.sentiment;

/**
 * The sentiment of a comment: VADER's compound score (-1 most negative, 1 most positive) and its label by
 * VADER's own convention (at least 0.05 positive, at most -0.05 negative, neutral between).
 */
public record Sentiment(double score, String label) {

    public static final String NEGATIVE = "negative";
    public static final String NEUTRAL = "neutral";
    public static final String POSITIVE = "positive";

    public static Sentiment of(double score) {
        double bounded = Math.max(-1, Math.min(1, score));
        double rounded = Math.round(bounded * 10_000) / 10_000.0;
        String label = rounded >= 0.05 ? POSITIVE : rounded <= -0.05 ? NEGATIVE : NEUTRAL;
        return new Sentiment(rounded, label);
    }
}
