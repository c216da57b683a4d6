package io.waymark.feedback.domain.summary;

import io.waymark.feedback.domain.survey.SurveyKind;
import java.util.Map;
import java.util.TreeMap;

/**
 * The numbers of a set of answers (one interval, or all of them): how many, the score distribution, the
 * sentiment mix of their comments, and the kind's own measure — NPS with its interval, CSAT (% of 4-5), CES
 * (mean effort). {@code meanScore} for every kind (a CUSTOM survey's first rating).
 */
public record ScoreStats(long responses, Map<Integer, Long> distribution, Double meanScore, NpsScore nps,
                         Csat csat, Ces ces, SentimentMix sentiment, boolean smallSample) {

    /** Customer satisfaction: the share of answers of 4 or 5, in percent. */
    public record Csat(long satisfied, long scored, double percentSatisfied) {
    }

    /** Customer effort: the mean answer (1 easy … 7 hard). */
    public record Ces(long scored, double mean) {
    }

    /** How many comments were negative, neutral, positive, and how many answers had none. */
    public record SentimentMix(long negative, long neutral, long positive, long none) {
    }

    /** From the counts per score (null: no score) and per sentiment label (null: no comment). */
    static ScoreStats of(SurveyKind kind, long responses, Map<Integer, Long> byScore, SentimentMix sentiment) {
        Map<Integer, Long> distribution = new TreeMap<>(byScore);
        long scored = distribution.values().stream().mapToLong(Long::longValue).sum();
        double sum = distribution.entrySet().stream().mapToDouble(e -> (double) e.getKey() * e.getValue()).sum();
        Double mean = scored == 0 ? null : NpsScore.round(sum / scored);
        NpsScore nps = null;
        Csat csat = null;
        Ces ces = null;
        switch (kind) {
            case NPS -> nps = NpsScore.of(count(distribution, 9, 10), count(distribution, 7, 8), count(distribution, 0, 6));
            case CSAT -> {
                long satisfied = count(distribution, 4, 5);
                csat = scored == 0 ? null : new Csat(satisfied, scored, NpsScore.round(100.0 * satisfied / scored));
            }
            case CES -> ces = scored == 0 ? null : new Ces(scored, mean);
            case CUSTOM -> {
                // no agreed measure: the distribution and the mean say it
            }
        }
        return new ScoreStats(responses, distribution, mean, nps, csat, ces, sentiment, responses < NpsScore.SMALL_SAMPLE);
    }

    private static long count(Map<Integer, Long> distribution, int from, int to) {
        return distribution.entrySet().stream().filter(e -> e.getKey() >= from && e.getKey() <= to)
                .mapToLong(Map.Entry::getValue).sum();
    }
}
