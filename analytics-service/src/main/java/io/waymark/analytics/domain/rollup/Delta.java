package io.waymark.analytics.domain.rollup;

import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Changes to counters of a rollup table, summed per row key before they are written: one batch of events
 * becomes one upsert per touched row. A key is a list of column values; a row carries several counters.
 */
public final class Delta<K> {

    private final int counters;
    private final Map<K, double[]> rows = new HashMap<>();

    public Delta(int counters) {
        this.counters = counters;
    }

    /** Adds {@code amount} to counter {@code counter} of row {@code key}. */
    public void add(K key, int counter, double amount) {
        if (amount != 0) {
            rows.computeIfAbsent(key, k -> new double[counters])[counter] += amount;
        }
    }

    /** Adds a whole contribution with a sign: +1 to add it, -1 to take it back. */
    public void addAll(Delta<K> other, int sign) {
        other.rows.forEach((k, v) -> {
            double[] mine = rows.computeIfAbsent(k, x -> new double[counters]);
            for (int i = 0; i < counters; i++) {
                mine[i] += sign * v[i];
            }
        });
    }

    /** Every row with a change (rows whose changes cancel out are left out). */
    public void forEach(BiConsumer<K, double[]> row) {
        rows.forEach((k, v) -> {
            for (double d : v) {
                if (d != 0) {
                    row.accept(k, v);
                    return;
                }
            }
        });
    }

    public boolean isEmpty() {
        boolean[] any = {false};
        forEach((k, v) -> any[0] = true);
        return !any[0];
    }
}
