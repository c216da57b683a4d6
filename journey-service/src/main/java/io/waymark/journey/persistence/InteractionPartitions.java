package io.waymark.journey.persistence;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import io.waymark.journey.domain.interactions.InteractionMonths;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The monthly partitions of {@code interaction} ({@code interaction_y2026m11}): created ahead of need, and
 * dropped whole with their idempotency keys once past retention. DDL runs under a transaction-scoped advisory
 * lock, so replicas never create the same month at once.
 */
@ApplicationScoped
public class InteractionPartitions {

    private static final Pattern NAME = Pattern.compile("interaction_y(\\d{4})m(\\d{2})");
    private static final String LOCK = "select pg_advisory_xact_lock(hashtext('journey.interaction.partitions'))";
    private static final String LIST = """
            select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid
            where i.inhparent = 'interaction'::regclass""";
    /** Keys of a dropped month, a bounded number per statement (the BRIN index finds them). */
    private static final String DELETE_KEYS = """
            delete from interaction_key where ctid = any(array(
              select ctid from interaction_key where occurred_at >= $1 and occurred_at < $2 limit $3))""";
    private static final int KEYS_PER_STATEMENT = 50_000;

    private final Pool pool;
    private final Set<YearMonth> known = ConcurrentHashMap.newKeySet();

    InteractionPartitions(Pool pool) {
        this.pool = pool;
    }

    static String name(YearMonth month) {
        return String.format("interaction_y%04dm%02d", month.getYear(), month.getMonthValue());
    }

    /**
     * Makes sure every month given has its partition, created and committed before this completes (so every
     * connection can write into it); cheap when all are known.
     */
    public Uni<Void> ensureCommitted(Collection<YearMonth> months) {
        List<YearMonth> missing = months.stream().distinct().filter(m -> !known.contains(m)).toList();
        if (missing.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return pool.withTransaction(tx -> {
            Uni<Void> chain = tx.query(LOCK).execute().replaceWithVoid();
            for (YearMonth m : missing) {
                String ddl = "create table if not exists " + name(m) + " partition of interaction for values from ('"
                        + InteractionMonths.start(m) + "') to ('" + InteractionMonths.start(m.plusMonths(1)) + "')";
                chain = chain.flatMap(v -> tx.query(ddl).execute().replaceWithVoid());
            }
            return chain;
        // remembered once committed: a rolled-back creation must be tried again
        }).invoke(() -> known.addAll(missing));
    }

    /** Creates the months from {@code first} to {@code last}. */
    public Uni<Void> ensureRange(YearMonth first, YearMonth last) {
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            months.add(m);
        }
        return ensureCommitted(months);
    }

    /** Drops every month before {@code oldestKept}, deleting its keys first; the months dropped. */
    public Uni<List<YearMonth>> dropBefore(YearMonth oldestKept) {
        return pool.query(LIST).execute().flatMap(rows -> {
            List<YearMonth> old = new ArrayList<>();
            for (Row row : rows) {
                Matcher m = NAME.matcher(row.getString(0));
                if (m.matches()) {
                    YearMonth month = YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
                    if (month.isBefore(oldestKept)) {
                        old.add(month);
                    }
                }
            }
            return Multi.createFrom().iterable(old).onItem().transformToUniAndConcatenate(this::drop)
                    .collect().asList().replaceWith(old);
        });
    }

    private Uni<Void> drop(YearMonth month) {
        Tuple range = Tuple.of(InteractionMonths.start(month), InteractionMonths.start(month.plusMonths(1)),
                KEYS_PER_STATEMENT);
        Uni<Integer> deleteBatch = pool.preparedQuery(DELETE_KEYS).execute(range).map(r -> r.rowCount());
        return deleteBatch.repeat().whilst(deleted -> deleted == KEYS_PER_STATEMENT).collect().last()
                .flatMap(v -> pool.withTransaction(tx -> tx.query(LOCK).execute()
                        .flatMap(l -> tx.query("drop table if exists " + name(month)).execute())))
                .invoke(() -> known.remove(month))
                .replaceWithVoid();
    }
}
