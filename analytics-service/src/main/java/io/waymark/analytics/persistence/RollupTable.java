package io.waymark.analytics.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.waymark.analytics.domain.rollup.Delta;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A rollup table and how a {@link Delta} is added to it: one statement, an upsert over arrays
 * ({@code unnest}), rows in a fixed order (so two transactions adding to the same rows lock them in the same
 * order and cannot deadlock each other).
 */
final class RollupTable<K> {

    /** A key column: its name, SQL array type and Java element type. */
    record Column(String name, String sqlType, Class<?> javaType) {
    }

    private final String sql;
    private final List<Column> keys;
    private final int counters;
    private final Function<K, Object[]> keyValues;

    RollupTable(String table, List<Column> keys, List<String> counters, Function<K, Object[]> keyValues) {
        this.keys = keys;
        this.counters = counters.size();
        this.keyValues = keyValues;
        List<String> columns = new ArrayList<>(keys.stream().map(Column::name).toList());
        columns.addAll(counters);
        StringBuilder unnest = new StringBuilder();
        int n = 1;
        for (Column key : keys) {
            unnest.append(n > 1 ? ", " : "").append('$').append(n++).append("::").append(key.sqlType()).append("[]");
        }
        for (int i = 0; i < counters.size(); i++) {
            unnest.append(", $").append(n++).append("::float8[]");
        }
        this.sql = "insert into " + table + " (" + String.join(", ", columns) + ") select * from unnest(" + unnest
                + ") on conflict (" + keys.stream().map(Column::name).collect(Collectors.joining(", "))
                + ") do update set " + counters.stream().map(c -> c + " = " + table + "." + c + " + excluded." + c)
                .collect(Collectors.joining(", "));
    }

    Uni<Void> add(SqlConnection tx, Delta<K> delta) {
        List<Map.Entry<K, double[]>> rows = new ArrayList<>();
        delta.forEach((k, v) -> rows.add(Map.entry(k, v.clone())));
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        rows.sort(Comparator.comparing(e -> e.getKey().toString()));
        Tuple params = Tuple.tuple();
        for (int c = 0; c < keys.size(); c++) {
            Object column = Array.newInstance(keys.get(c).javaType(), rows.size());
            for (int r = 0; r < rows.size(); r++) {
                Array.set(column, r, keyValues.apply(rows.get(r).getKey())[c]);
            }
            params.addValue(column);
        }
        for (int c = 0; c < counters; c++) {
            Double[] column = new Double[rows.size()];
            for (int r = 0; r < rows.size(); r++) {
                column[r] = rows.get(r).getValue()[c];
            }
            params.addValue(column);
        }
        return tx.preparedQuery(sql).execute(params).replaceWithVoid();
    }
}
