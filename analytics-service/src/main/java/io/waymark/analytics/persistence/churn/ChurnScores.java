package io.waymark.analytics.persistence.churn;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.waymark.analytics.domain.churn.ChurnRanking;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Customers' latest scores (table churn_score): written a chunk at a time, read as a ranked list. */
@ApplicationScoped
public class ChurnScores {

    /** A stored score; {@code factors} is the JSON of its top factors. */
    public record Stored(UUID customerId, double probability, String band, long bandVersion, boolean churned,
                         int modelVersion, OffsetDateTime scoredAt, String factors) {
    }

    private static final String SAVE = """
            insert into churn_score (customer_id, probability, band, band_version, churned, model_version, scored_at, factors)
            select c, p, b, v, ch, m, s, f::jsonb from unnest($1::uuid[], $2::float8[], $3::text[], $4::int8[], $5::bool[],
                   $6::int4[], $7::timestamptz[], $8::text[]) as t(c, p, b, v, ch, m, s, f)
            on conflict (customer_id) do update set probability = excluded.probability, band = excluded.band,
                   band_version = excluded.band_version, churned = excluded.churned,
                   model_version = excluded.model_version, scored_at = excluded.scored_at, factors = excluded.factors""";
    private static final String COLUMNS = "customer_id, probability, band, band_version, churned, model_version, scored_at, "
            + "factors::text";

    private final Pool pool;

    ChurnScores(Pool pool) {
        this.pool = pool;
    }

    /** The stored bands of these customers, locked until the transaction ends (one scoring at a time per customer). */
    public Uni<Map<UUID, Stored>> lock(SqlConnection tx, List<UUID> customers) {
        return tx.preparedQuery("select " + COLUMNS + " from churn_score where customer_id = any($1) order by customer_id for update")
                .execute(Tuple.of(customers.toArray(UUID[]::new))).map(rows -> {
                    Map<UUID, Stored> out = new HashMap<>();
                    rows.forEach(r -> out.put(r.getUUID(0), read(r)));
                    return out;
                });
    }

    public Uni<Void> save(SqlConnection tx, List<Stored> scores) {
        if (scores.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return tx.preparedQuery(SAVE).execute(Tuple.tuple()
                        .addArrayOfUUID(scores.stream().map(Stored::customerId).toArray(UUID[]::new))
                        .addArrayOfDouble(scores.stream().map(Stored::probability).toArray(Double[]::new))
                        .addArrayOfString(scores.stream().map(Stored::band).toArray(String[]::new))
                        .addArrayOfLong(scores.stream().map(Stored::bandVersion).toArray(Long[]::new))
                        .addArrayOfBoolean(scores.stream().map(Stored::churned).toArray(Boolean[]::new))
                        .addArrayOfInteger(scores.stream().map(Stored::modelVersion).toArray(Integer[]::new))
                        .addArrayOfOffsetDateTime(scores.stream().map(Stored::scoredAt).toArray(OffsetDateTime[]::new))
                        .addArrayOfString(scores.stream().map(Stored::factors).toArray(String[]::new)))
                .replaceWithVoid();
    }

    /**
     * Customers not churned yet, riskiest first (then by id), after {@code after}; only {@code band} when given,
     * only {@code members} when given. Fetches {@code limit} rows.
     */
    public Uni<List<Stored>> ranked(String band, UUID[] members, ChurnRanking.After after, int limit) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from churn_score where not churned");
        Tuple params = Tuple.tuple();
        if (band != null) {
            params.addString(band);
            sql.append(" and band = $").append(params.size());
        }
        if (members != null) {
            params.addArrayOfUUID(members);
            sql.append(" and customer_id = any($").append(params.size()).append(")");
        }
        if (after != null) {
            params.addDouble(after.probability()).addUUID(after.customerId());
            sql.append(" and (probability, customer_id) < ($").append(params.size() - 1).append(", $").append(params.size())
                    .append(")");
        }
        params.addInteger(limit);
        sql.append(" order by probability desc, customer_id desc limit $").append(params.size());
        return pool.preparedQuery(sql.toString()).execute(params).map(rows -> {
            List<Stored> out = new ArrayList<>();
            rows.forEach(r -> out.add(read(r)));
            return out;
        });
    }

    public Uni<java.util.Optional<Stored>> of(UUID customerId) {
        return pool.preparedQuery("select " + COLUMNS + " from churn_score where customer_id = $1").execute(Tuple.of(customerId))
                .map(rows -> rows.iterator().hasNext() ? java.util.Optional.of(read(rows.iterator().next()))
                        : java.util.Optional.empty());
    }

    private static Stored read(Row r) {
        return new Stored(r.getUUID(0), r.getDouble(1), r.getString(2), r.getLong(3), r.getBoolean(4), r.getInteger(5),
                r.getOffsetDateTime(6), r.getString(7));
    }
}
