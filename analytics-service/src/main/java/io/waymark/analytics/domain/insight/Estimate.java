package io.waymark.analytics.domain.insight;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A score with its 95% confidence interval (normal approximation) and its sample size; {@code small} marks a
 * group with fewer than {@value #SMALL} answers, whose interval is too wide to say much.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Estimate(Double value, Double low, Double high, long n, boolean small) {

    static final int SMALL = 30;
    private static final double Z = 1.96;

    static Estimate none() {
        return new Estimate(null, null, null, 0, true);
    }

    /** NPS, -100..100: promoters' share minus detractors' share, per answer a +1 / 0 / -1 variable. */
    public static Estimate nps(double promoters, double detractors, double n) {
        if (n <= 0) {
            return none();
        }
        double p = promoters / n;
        double d = detractors / n;
        double value = 100 * (p - d);
        double variance = p + d - (p - d) * (p - d);
        double margin = Z * 100 * Math.sqrt(Math.max(0, variance) / n);
        return new Estimate(round(value), round(Math.max(-100, value - margin)), round(Math.min(100, value + margin)),
                (long) n, n < SMALL);
    }

    /** A share in percent (CSAT: answers of 4 or 5). */
    public static Estimate percent(double hits, double n) {
        if (n <= 0) {
            return none();
        }
        double p = hits / n;
        double margin = Z * Math.sqrt(p * (1 - p) / n);
        return new Estimate(round(100 * p), round(100 * Math.max(0, p - margin)), round(100 * Math.min(1, p + margin)),
                (long) n, n < SMALL);
    }

    /** A mean (CES) from the sum and the sum of squares of the answers. */
    public static Estimate mean(double sum, double squares, double n) {
        if (n <= 0) {
            return none();
        }
        double mean = sum / n;
        double variance = n > 1 ? Math.max(0, (squares - n * mean * mean) / (n - 1)) : 0;
        double margin = Z * Math.sqrt(variance / n);
        return new Estimate(round(mean), round(mean - margin), round(mean + margin), (long) n, n < SMALL);
    }

    static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
