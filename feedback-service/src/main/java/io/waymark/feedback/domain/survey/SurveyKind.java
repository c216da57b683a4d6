package io.waymark.feedback.domain.survey;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of survey and their scales. CUSTOM surveys bring their own questions (and scales). */
public enum SurveyKind {
    /** Net Promoter Score: 0-10, 9-10 promoters, 0-6 detractors. */
    NPS(0, 10, false),
    /** Customer satisfaction: 1-5, 4-5 satisfied. */
    CSAT(1, 5, false),
    /** Customer effort: 1-7, low is easy (so the best answer is 1). */
    CES(1, 7, true),
    CUSTOM(0, 0, false);

    private final int min;
    private final int max;
    private final boolean lowIsBest;

    SurveyKind(int min, int max, boolean lowIsBest) {
        this.min = min;
        this.max = max;
        this.lowIsBest = lowIsBest;
    }

    public int min() {
        return min;
    }

    public int max() {
        return max;
    }

    public boolean hasOwnScale() {
        return this != CUSTOM;
    }

    /** A score on this kind's scale as 0..1, 1 the best answer (for CES, the least effort). */
    public double normalize(int score) {
        return normalize(score, min, max, lowIsBest);
    }

    public static double normalize(int score, int min, int max, boolean lowIsBest) {
        // in double, where every int difference is exact: int subtraction could wrap round
        double share = ((double) score - min) / ((double) max - min);
        return Math.round((lowIsBest ? 1 - share : share) * 10_000) / 10_000.0;
    }

    public static Optional<SurveyKind> parse(String text) {
        return Arrays.stream(values()).filter(k -> k.name().equals(text)).findFirst();
    }
}
