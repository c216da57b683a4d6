package io.waymark.simulator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** What a load run achieved: counts, the acceptance rate, and batch acknowledgement times. */
public record LoadReport(long accepted, long duplicates, long rejected, long failedRequests, double seconds,
                         List<Long> ackNanos, long lastAckNanos, long bytesPerInteraction) {

    public double acceptedPerSecond() {
        return seconds == 0 ? 0 : accepted / seconds;
    }

    /** The q-quantile (0..1) of batch acknowledgement time in milliseconds, nearest rank. */
    public double ackMillis(double q) {
        if (ackNanos.isEmpty()) {
            return Double.NaN;
        }
        List<Long> sorted = new ArrayList<>(ackNanos);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(q * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1))) / 1e6;
    }

    public String describe() {
        return String.format("""
                interactions accepted:     %,d (duplicates %,d, rejected %,d; requests without an answer: %,d)
                accepted per second:       %,.0f over %.1f s
                batch acknowledgement ms:  p50 %.1f  p99 %.1f  max %.1f  (%,d batches)
                request bytes per item:    %d""", accepted, duplicates, rejected, failedRequests, acceptedPerSecond(),
                seconds, ackMillis(0.5), ackMillis(0.99), ackMillis(1.0), ackNanos.size(), bytesPerInteraction);
    }
}
