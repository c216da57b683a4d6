package io.waymark.analytics.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.waymark.analytics.domain.model.CustomerLifecycle;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Customers' lifecycles (table customer_stage), read for update and written back in bulk. */
@ApplicationScoped
public class LifecycleStates {

    private static final String LOAD = """
            select customer_id, stage, since, aggregate_version, reached::text from customer_stage
            where customer_id = any($1) order by customer_id for update""";
    private static final String SAVE = """
            insert into customer_stage (customer_id, stage, since, aggregate_version, reached)
            select id, stage, since, version, reached::jsonb
            from unnest($1::uuid[], $2::text[], $3::timestamptz[], $4::int8[], $5::text[]) as t(id, stage, since, version, reached)
            on conflict (customer_id) do update set stage = excluded.stage, since = excluded.since,
                   aggregate_version = excluded.aggregate_version, reached = excluded.reached""";

    public Uni<Map<UUID, CustomerLifecycle>> load(SqlConnection tx, Collection<UUID> ids) {
        return tx.preparedQuery(LOAD).execute(Tuple.of(ids.toArray(UUID[]::new))).map(rows -> {
            Map<UUID, CustomerLifecycle> found = new HashMap<>();
            for (Row row : rows) {
                found.put(row.getUUID(0), new CustomerLifecycle(row.getUUID(0), row.getString(1),
                        row.getOffsetDateTime(2), row.getLong(3), seconds(row.getString(4))));
            }
            return found;
        });
    }

    /** Writes customers that have a stage (a customer known only from a merge waits for its own events). */
    public Uni<Void> save(SqlConnection tx, Collection<CustomerLifecycle> customers) {
        List<CustomerLifecycle> known = customers.stream().filter(c -> c.stage() != null).toList();
        if (known.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return tx.preparedQuery(SAVE).execute(Tuple.tuple()
                .addArrayOfUUID(known.stream().map(CustomerLifecycle::customerId).toArray(UUID[]::new))
                .addArrayOfString(known.stream().map(CustomerLifecycle::stage).toArray(String[]::new))
                .addArrayOfOffsetDateTime(known.stream().map(CustomerLifecycle::since).toArray(OffsetDateTime[]::new))
                .addArrayOfLong(known.stream().map(CustomerLifecycle::version).toArray(Long[]::new))
                .addArrayOfString(known.stream().map(c -> new JsonObject(new HashMap<>(c.reached())).encode())
                        .toArray(String[]::new)))
                .replaceWithVoid();
    }

    public Uni<Void> delete(SqlConnection tx, Collection<UUID> ids) {
        return tx.preparedQuery("delete from customer_stage where customer_id = any($1)")
                .execute(Tuple.of(ids.toArray(UUID[]::new))).replaceWithVoid();
    }

    /** First reach times of many customers, for a funnel restricted to a segment's members. */
    public Uni<List<CustomerLifecycle>> reachedOf(SqlConnection conn, Collection<UUID> ids) {
        return conn.preparedQuery("select customer_id, reached::text from customer_stage where customer_id = any($1)")
                .execute(Tuple.of(ids.toArray(UUID[]::new))).map(rows -> {
                    List<CustomerLifecycle> found = new ArrayList<>();
                    for (Row row : rows) {
                        found.add(new CustomerLifecycle(row.getUUID(0), null, null, 0, seconds(row.getString(1))));
                    }
                    return found;
                });
    }

    static Map<String, Long> seconds(String json) {
        Map<String, Long> out = new HashMap<>();
        new JsonObject(json).forEach(e -> out.put(e.getKey(), ((Number) e.getValue()).longValue()));
        return out;
    }
}
