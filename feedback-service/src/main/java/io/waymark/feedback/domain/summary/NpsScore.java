package io.waymark.feedback.domain.summary;

/**
 * Net Promoter Score with its 95% confidence interval. Each answer scores +1 (promoter, 9-10), 0 (passive, 7-8)
 * or -1 (detractor, 0-6); NPS is 100 times their mean, p(promoter) - p(detractor). The variance of one
 * answer's score is E[X²] - E[X]² = (pP + pD) - (pP - pD)², so the standard error of the mean is
 * sqrt(that / n), and the interval is NPS ± 1.96 · 100 · SE, clamped to [-100, 100] (a normal approximation:
 * rough below ~30 answers, which {@code smallSample} marks rather than hides).
 */
public record NpsScore(long responses, long promoters, long passives, long detractors, double score, double low,
                       double high, boolean smallSample) {

    static final double Z_95 = 1.959964;
    public static final int SMALL_SAMPLE = 30;

    /** Null without answers (there is no score to tell). */
    public static NpsScore of(long promoters, long passives, long detractors) {
        long n = promoters + passives + detractors;
        if (n == 0) {
            return null;
        }
        double pP = (double) promoters / n;
        double pD = (double) detractors / n;
        double mean = pP - pD;
        double variance = Math.max(0, pP + pD - mean * mean);
        double margin = Z_95 * 100 * Math.sqrt(variance / n);
        double score = 100 * mean;
        return new NpsScore(n, promoters, passives, detractors, round(score), round(Math.max(-100, score - margin)),
                round(Math.min(100, score + margin)), n < SMALL_SAMPLE);
    }

    static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
