package io.waymark.analytics.domain.churn;

import java.util.HashMap;
import java.util.Map;

/**
 * A labelled snapshot held compactly for training (arrays instead of a map, feature names shared), so that tens
 * of thousands fit in a small heap.
 */
public record ChurnSample(String[] names, double[] values, String stage, boolean churned) {

    /** Compacts an example; {@code names} shares equal feature names between samples. */
    public static ChurnSample of(ChurnLabels.Example e, Map<String, String> names) {
        Map<String, Double> v = e.snapshot().values();
        String[] n = new String[v.size()];
        double[] x = new double[v.size()];
        int i = 0;
        for (var entry : v.entrySet()) {
            n[i] = names.computeIfAbsent(entry.getKey(), k -> k);
            x[i++] = entry.getValue();
        }
        return new ChurnSample(n, x, e.snapshot().stage(), e.churned());
    }

    public Map<String, Double> asMap() {
        Map<String, Double> out = new HashMap<>(names.length * 2);
        for (int i = 0; i < names.length; i++) {
            out.put(names[i], values[i]);
        }
        return out;
    }
}
