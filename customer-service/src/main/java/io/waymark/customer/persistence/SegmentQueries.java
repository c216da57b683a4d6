package io.waymark.customer.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.waymark.customer.domain.filter.SqlFilter;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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

    /** Member ids in id order after the cursor, at most {@code limit}. */
    public Uni<List<UUID>> memberIds(SqlFilter filter, Narrowing narrowing) {
        List<Object> params = new ArrayList<>(filter.params());
        StringBuilder sql = new StringBuilder("select c.id from customer c where c.status = 'active' and (")
                .append(filter.where()).append(")");
        narrowing.text().ifPresent(text -> {
            params.add("%" + CustomerRepository.escapeLike(text.toLowerCase(Locale.ROOT)) + "%");
            sql.append(" and (lower(c.email) || ' ' || coalesce(lower(c.first_name), '') || ' ' || ")
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
        sql.append(" order by c.id limit $").append(params.size()).append("::int");
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
