package io.waymark.analytics.persistence.churn;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import io.waymark.analytics.domain.churn.CustomerHistory;
import io.waymark.analytics.domain.churn.CustomerHistory.ActiveDay;
import io.waymark.analytics.domain.churn.CustomerHistory.Answer;
import io.waymark.analytics.domain.churn.CustomerHistory.Case;
import io.waymark.analytics.domain.churn.CustomerHistory.StageMove;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Customers' churn histories, read for many customers at once: six queries, side by side on the pool, each by the
 * customers' ids through its table's index. Activity is read from {@code since} on (older days change no feature).
 */
@ApplicationScoped
public class ChurnHistories {

    private final Pool pool;

    ChurnHistories(Pool pool) {
        this.pool = pool;
    }

    /**
     * {@code work} for every customer, {@code size} at a time in id order, one chunk after the other; iterative, so a
     * chunk (and what the work read for it) is garbage once done, however many customers there are.
     */
    public Uni<Void> eachChunk(int size, Function<List<UUID>, Uni<?>> work) {
        AtomicReference<UUID> after = new AtomicReference<>();
        return Uni.createFrom().deferred(() -> customersAfter(after.get(), size))
                .flatMap(ids -> {
                    if (ids.isEmpty()) {
                        return Uni.createFrom().item(false);
                    }
                    after.set(ids.get(ids.size() - 1));
                    return work.apply(ids).replaceWith(true);
                })
                .repeat().whilst(more -> more)
                .collect().last().replaceWithVoid();
    }

    /** The next {@code limit} customers after {@code after} (null: from the first), in id order. */
    private Uni<List<UUID>> customersAfter(UUID after, int limit) {
        return pool.preparedQuery("""
                        select customer_id from customer_stage where customer_id > coalesce($1, '00000000-0000-0000-0000-000000000000'::uuid)
                        order by customer_id limit $2""")
                .execute(Tuple.of(after, limit)).map(rows -> {
                    List<UUID> ids = new ArrayList<>();
                    rows.forEach(r -> ids.add(r.getUUID(0)));
                    return ids;
                });
    }

    public Uni<Map<UUID, CustomerHistory>> of(List<UUID> customers, LocalDate since) {
        UUID[] ids = customers.toArray(UUID[]::new);
        String[] subjects = customers.stream().map(UUID::toString).toArray(String[]::new);
        Map<UUID, Parts> parts = new HashMap<>();
        customers.forEach(c -> parts.put(c, new Parts()));
        Function<String, Parts> bySubject = s -> parts.get(UUID.fromString(s));
        Uni<Void> days = read("""
                select subject, day, channel from churn_activity_day where subject = any($1) and day >= $2
                order by subject, day, channel""", Tuple.of(subjects, since), row -> bySubject.apply(row.getString(0)).days
                .add(new ActiveDay(row.getLocalDate(1), row.getString(2))));
        Uni<Void> lost = read("select subject, at from churn_lost_mark where subject = any($1) order by subject, at",
                Tuple.of(subjects), row -> bySubject.apply(row.getString(0)).lost.add(instant(row, 1)));
        Uni<Void> moves = read("""
                select customer_id, at, stage, backward from churn_stage_move where customer_id = any($1)
                order by customer_id, version""", Tuple.of(ids), row -> parts.get(row.getUUID(0)).moves
                .add(new StageMove(instant(row, 1), row.getString(2), row.getBoolean(3))));
        Uni<Void> answers = read("""
                select customer_id, recorded_at, kind, score, normalized, negative_comment, journey_id, touchpoint
                from churn_answer where customer_id = any($1) order by customer_id, recorded_at""", Tuple.of(ids),
                row -> parts.get(row.getUUID(0)).answers.add(new Answer(instant(row, 1), row.getString(2),
                        row.getInteger(3), row.getDouble(4), row.getBoolean(5),
                        row.getUUID(6) == null ? null : row.getUUID(6) + ":" + row.getString(7))));
        Uni<Void> cases = read("select customer_id, opened_at, due_at, closed_at from churn_case where customer_id = any($1)",
                Tuple.of(ids), row -> parts.get(row.getUUID(0)).cases
                        .add(new Case(instant(row, 1), instant(row, 2), instant(row, 3))));
        Uni<Void> touchpoints = read("select subject, journey_id, reached::text from journey_subject where subject = any($1)",
                Tuple.of(subjects), row -> {
                    Parts p = bySubject.apply(row.getString(0));
                    new JsonObject(row.getString(2)).forEach(e -> p.touchpoints.merge(row.getUUID(1) + ":" + e.getKey(),
                            Instant.ofEpochSecond(((Number) e.getValue()).longValue()), (a, b) -> a.isBefore(b) ? a : b));
                });
        return Uni.combine().all().unis(days, lost, moves, answers, cases, touchpoints).discardItems().map(v -> {
            Map<UUID, CustomerHistory> out = new HashMap<>();
            parts.forEach((id, p) -> out.put(id, new CustomerHistory(id, p.days, p.lost, p.moves, p.answers, p.cases,
                    p.touchpoints)));
            return out;
        });
    }

    /** How many pages {@code churn_activity_day} has now (the clean-up walks them in ranges). */
    public Uni<Long> activityPages() {
        return pool.query("select pg_relation_size('churn_activity_day') / current_setting('block_size')::bigint")
                .execute().map(rows -> rows.iterator().next().getLong(0));
    }

    /**
     * Deletes the active days before {@code day} that lie on pages {@code fromPage} up to (not including)
     * {@code toPage}; completes with how many went. A TID range scan reads only those pages, so walking the
     * table range after range reads each page once, never the rows an earlier range deleted.
     */
    public Uni<Integer> deleteDaysBefore(LocalDate day, long fromPage, long toPage) {
        return pool.preparedQuery("""
                        delete from churn_activity_day
                        where ctid >= $1::text::tid and ctid < $2::text::tid and day < $3""")
                .execute(Tuple.of("(" + fromPage + ",0)", "(" + toPage + ",0)", day)).map(RowSet::rowCount);
    }

    private Uni<Void> read(String sql, Tuple params, java.util.function.Consumer<Row> each) {
        return pool.preparedQuery(sql).execute(params).invoke((RowSet<Row> rows) -> rows.forEach(each)).replaceWithVoid();
    }

    private static Instant instant(Row row, int column) {
        var t = row.getOffsetDateTime(column);
        return t == null ? null : t.toInstant();
    }

    /** One customer's facts while they are read. */
    private static final class Parts {
        final List<ActiveDay> days = new ArrayList<>();
        final List<Instant> lost = new ArrayList<>();
        final List<StageMove> moves = new ArrayList<>();
        final List<Answer> answers = new ArrayList<>();
        final List<Case> cases = new ArrayList<>();
        final Map<String, Instant> touchpoints = new HashMap<>();
    }
}
