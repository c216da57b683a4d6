package io.waymark.analytics.domain.rollup;

/**
 * Durations kept as counts per logarithmic bucket (each 20% wider than the last, from one second to a decade),
 * so medians and 90th percentiles of any period are sums over days rather than scans of events. A quantile
 * read back is the bucket's geometric middle: within ±10% of the true value.
 */
public final class TimeBuckets {

    static final double RATIO = 1.2;
    public static final int COUNT = 110;

    private TimeBuckets() {
    }

    /** The bucket of a duration in seconds (0 and below go to bucket 0). */
    public static int of(double seconds) {
        if (seconds < 1) {
            return 0;
        }
        return Math.min(COUNT - 1, 1 + (int) Math.floor(Math.log(seconds) / Math.log(RATIO)));
    }

    /** A bucket's representative duration in seconds (its geometric middle; 0 for bucket 0). */
    public static double seconds(int bucket) {
        if (bucket <= 0) {
            return 0;
        }
        return Math.pow(RATIO, bucket - 1 + 0.5);
    }

    /** The q-quantile (0..1) of counts per bucket, in seconds; null without any count. */
    public static Double quantile(long[] counts, double q) {
        long total = 0;
        for (long c : counts) {
            total += c;
        }
        if (total == 0) {
            return null;
        }
        long rank = (long) Math.ceil(q * total);
        long seen = 0;
        for (int b = 0; b < counts.length; b++) {
            seen += counts[b];
            if (seen >= Math.max(1, rank)) {
                return seconds(b);
            }
        }
        return seconds(counts.length - 1);
    }
}
