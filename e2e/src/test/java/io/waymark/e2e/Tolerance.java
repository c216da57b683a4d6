package io.waymark.e2e;

/**
 * Tolerances from sample sizes: how far an observed share or mean may lie from the world's value by chance alone.
 * Many figures are checked at once, so each gets the z of a family-wise false-alarm rate (Bonferroni): with
 * {@code checks} comparisons and rate {@code alpha}, z = Φ⁻¹(1 − alpha / (2 · checks)).
 */
record Tolerance(double z, int checks, double alpha) {

    static Tolerance forChecks(int checks, double alpha) {
        return new Tolerance(quantile(1 - alpha / (2.0 * checks)), checks, alpha);
    }

    /** z standard errors of a share p observed over n (plus the error of p itself, when p is an estimate). */
    double ofShare(double p, long n, double varianceOfP) {
        return z * Math.sqrt(p * (1 - p) / n + varianceOfP);
    }

    /** The standard normal distribution function (Abramowitz and Stegun 7.1.26, error below 1.5e-7). */
    static double cdf(double x) {
        double t = 1 / (1 + 0.3275911 * Math.abs(x) / Math.sqrt(2));
        double erfc = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))))
                * Math.exp(-x * x / 2);
        return x >= 0 ? 1 - erfc / 2 : erfc / 2;
    }

    /** Φ⁻¹(q) by bisection. */
    static double quantile(double q) {
        double lo = -10;
        double hi = 10;
        for (int i = 0; i < 100; i++) {
            double mid = (lo + hi) / 2;
            if (cdf(mid) < q) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return (lo + hi) / 2;
    }
}
