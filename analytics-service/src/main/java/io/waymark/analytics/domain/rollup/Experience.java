package io.waymark.analytics.domain.rollup;

import java.time.LocalDate;

/**
 * Survey answers summed per day, metric (NPS, CSAT, CES, CUSTOM) and group (all, stage, channel, touchpoint,
 * journey): enough to compute each metric with its confidence interval, the unhappy and negative-comment
 * shares of the pain-point ranking, and the actual emotion of the emotion curve, for any period.
 */
public final class Experience {

    public static final int RESPONSES = 0;
    public static final int SCORED = 1;
    public static final int SCORE_SUM = 2;
    public static final int SCORE_SQUARES = 3;
    public static final int PROMOTERS = 4;
    public static final int DETRACTORS = 5;
    public static final int SATISFIED = 6;
    public static final int UNHAPPY = 7;
    public static final int NORMALIZED_SUM = 8;
    public static final int COMMENTS = 9;
    public static final int NEGATIVE_COMMENTS = 10;
    public static final int SENTIMENT_SUM = 11;
    public static final int COUNTERS = 12;

    /** The groups an answer is counted in; a group's key is its value (a touchpoint: "journeyId:key"). */
    public static final String ALL = "all";

    public record Row(LocalDate day, String metric, String dimension, String key) {
    }

    /** One answer, as feedback.response-recorded tells it. */
    public record Answer(String kind, Integer score, Double normalizedScore, Double sentiment, String sentimentLabel) {
    }

    private Experience() {
    }

    /** An unhappy answer: an NPS detractor (0-6), CSAT 1-2, CES 5-7; other kinds are never counted unhappy. */
    public static boolean unhappy(String kind, Integer score) {
        if (score == null) {
            return false;
        }
        return switch (kind) {
            case "NPS" -> score <= 6;
            case "CSAT" -> score <= 2;
            case "CES" -> score >= 5;
            default -> false;
        };
    }

    /** Adds one answer to the row of one group. */
    public static void add(Row row, Answer a, Delta<Row> rows) {
        rows.add(row, RESPONSES, 1);
        if (a.score() != null) {
            int s = a.score();
            rows.add(row, SCORED, 1);
            rows.add(row, SCORE_SUM, s);
            rows.add(row, SCORE_SQUARES, (double) s * s);
            switch (a.kind()) {
                case "NPS" -> {
                    rows.add(row, PROMOTERS, s >= 9 ? 1 : 0);
                    rows.add(row, DETRACTORS, s <= 6 ? 1 : 0);
                }
                case "CSAT" -> rows.add(row, SATISFIED, s >= 4 ? 1 : 0);
                default -> { }
            }
            rows.add(row, UNHAPPY, unhappy(a.kind(), s) ? 1 : 0);
        }
        if (a.normalizedScore() != null) {
            rows.add(row, NORMALIZED_SUM, a.normalizedScore());
        }
        if (a.sentiment() != null) {
            rows.add(row, COMMENTS, 1);
            rows.add(row, SENTIMENT_SUM, a.sentiment());
            rows.add(row, NEGATIVE_COMMENTS, "negative".equals(a.sentimentLabel()) ? 1 : 0);
        }
    }
}
