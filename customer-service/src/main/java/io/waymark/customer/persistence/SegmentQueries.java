package io.waymark.customer.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.waymark.customer.domain.filter.SqlFilter;
import io.waymark.platform.persistence.LikePatterns;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Runs compiled segment filters. The filter's SQL is fixed text with placeholders (see SegmentSql); this class
 * adds only fixed fragments and placeholders of its own. Each query runs with a statement timeout, so no filter
 * can hold a connection for long.
 */
@ApplicationScoped
public class SegmentQueries {

    static final String TIMEOUT = "5s";

    /** What else narrows a member list: the text search and stage of {@code GET /customers}, and the cursor. */
    public record Narrowing(Optional<String> text, Optional<String> stage, UUID after, int limit) {
    }

    private final Pool pool;

    SegmentQueries(Pool pool) {
        this.pool = pool;
    }

    public Uni<Long> count(SqlFilter filter) {
        String sql = "select count(*) from customer c where c.status = 'active' and (" + filter.where() + ")";
        return withTimeout(conn -> conn.preparedQuery(sql).execute(Tuple.from(filter.params()))
                .map(rows -> rows.iterator().next().getLong(0)));
    }

    /** How many members a query expects, so it can be planned well (see {@link #memberIds}). */
    public enum Density {
        /** Many: walking the id index until enough match is quick. */
        DENSE,
        /** Few, none, or unknown: find them all through the filter's indexes first, then sort. */
        SPARSE
    }

    /**
     * Member ids in id order after the cursor, at most {@code limit}. Asked "first 50 by id", PostgreSQL likes to
     * walk the primary key and test each row, which is instant when members are many and reads the whole table
     * when they are few or none. So unless the caller knows members are many, the matching ids are collected
     * first (a materialized CTE, through the GIN and stage indexes) and only those sorted.
     */
    public Uni<List<UUID>> memberIds(SqlFilter filter, Narrowing narrowing, Density density) {
        List<Object> params = new ArrayList<>(filter.params());
        StringBuilder sql = new StringBuilder(density == Density.SPARSE ? "with m as materialized (" : "")
                .append("select c.id from customer c where c.status = 'active' and (")
                .append(filter.where()).append(")");
        narrowing.text().ifPresent(text -> {
            params.add(LikePatterns.containsIgnoringCase(text));
            sql.append(" and (coalesce(lower(c.email), '') || ' ' || coalesce(lower(c.first_name), '') || ' ' || ")
                    .append("coalesce(lower(c.last_name), '')) like $").append(params.size()).append("::text escape '!'");
        });
        narrowing.stage().ifPresent(stage -> {
            params.add(stage);
            sql.append(" and c.stage = $").append(params.size()).append("::text");
        });
        if (narrowing.after() != null) {
            params.add(narrowing.after());
            sql.append(" and c.id > $").append(params.size()).append("::uuid");
        }
        params.add(narrowing.limit());
        sql.append(density == Density.SPARSE ? ") select id from m order by id" : " order by c.id")
                .append(" limit $").append(params.size()).append("::int");
        return withTimeout(conn -> conn.preparedQuery(sql.toString()).execute(Tuple.from(params))
                .map(rows -> {
                    List<UUID> ids = new ArrayList<>();
                    for (Row row : rows) {
                        ids.add(row.getUUID(0));
                    }
                    return ids;
                }));
    }

    private <T> Uni<T> withTimeout(Function<SqlConnection, Uni<T>> work) {
        return pool.withTransaction(conn -> conn.query("set local statement_timeout = '" + TIMEOUT + "'").execute()
                .flatMap(ignored -> work.apply(conn)));
    }
}
