package io.waymark.journey.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.waymark.contracts.journey.InteractionRecorded;
import io.waymark.journey.domain.interactions.TimelineEntry;
import io.waymark.platform.events.EventJson;
import io.waymark.platform.paging.TimeKey;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Stored interactions: bulk inserts from the log, the timeline, and what merges and erasure change. */
@ApplicationScoped
public class InteractionRepository {

    /**
     * Each interaction once (its id in interaction_key decides), under the customer it means now (an alias from a
     * merge that came first is followed), and never for an erased customer.
     */
    private static final String INSERT = """
            with incoming as (
              select t.*, coalesce(a.customer_id, t.customer_id) as resolved
              from unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::timestamptz[],
                          $7::timestamptz[], $8::text[], $9::text[])
                   as t(id, customer_id, anonymous_id, type, channel, occurred_at, received_at, properties, placements)
              left join customer_alias a on a.alias = coalesce(t.customer_id::text, t.anonymous_id)
              where not exists (select 1 from erased_customer e
                                where e.customer_id = coalesce(a.customer_id, t.customer_id))),
            fresh as (
              insert into interaction_key (id, occurred_at) select id, occurred_at from incoming
              on conflict do nothing returning id)
            insert into interaction (id, customer_id, anonymous_id, type, channel, occurred_at, received_at,
                                     properties, placements)
            select i.id, i.resolved, i.anonymous_id, i.type, i.channel, i.occurred_at, i.received_at,
                   i.properties::jsonb, i.placements::jsonb
            from incoming i join fresh f on f.id = i.id""";
    private static final String TIMELINE = """
            select id, type, channel, occurred_at, properties::text, placements::text from interaction
            where customer_id = $1 and occurred_at <= $2 and (occurred_at < $2 or id < $3)
            order by occurred_at desc, id desc limit $4""";

    private final Pool pool;

    InteractionRepository(Pool pool) {
        this.pool = pool;
    }

    /**
     * An interaction to store, with its properties and placements as the JSON the event carried (written back
     * as read, not rebuilt from the typed record).
     */
    public record NewInteraction(InteractionRecorded data, String propertiesJson, String placementsJson) {
    }

    /** Stores what is new among {@code interactions} (distinct ids); how many rows were written. */
    public Uni<Integer> insertAll(SqlConnection tx, List<NewInteraction> interactions, OffsetDateTime receivedAt) {
        int n = interactions.size();
        UUID[] ids = new UUID[n];
        UUID[] customers = new UUID[n];
        String[] anonymous = new String[n];
        String[] types = new String[n];
        String[] channels = new String[n];
        OffsetDateTime[] occurred = new OffsetDateTime[n];
        OffsetDateTime[] received = new OffsetDateTime[n];
        String[] properties = new String[n];
        String[] placements = new String[n];
        for (int i = 0; i < n; i++) {
            InteractionRecorded r = interactions.get(i).data();
            ids[i] = r.interactionId();
            customers[i] = r.customerId();
            anonymous[i] = r.anonymousId();
            types[i] = r.type();
            channels[i] = r.channel();
            occurred[i] = r.occurredAt();
            received[i] = receivedAt;
            properties[i] = interactions.get(i).propertiesJson();
            placements[i] = interactions.get(i).placementsJson();
        }
        Tuple params = Tuple.tuple().addArrayOfUUID(ids).addArrayOfUUID(customers).addArrayOfString(anonymous)
                .addArrayOfString(types).addArrayOfString(channels).addArrayOfOffsetDateTime(occurred)
                .addArrayOfOffsetDateTime(received).addArrayOfString(properties).addArrayOfString(placements);
        return tx.preparedQuery(INSERT).execute(params).map(rows -> rows.rowCount());
    }

    /** As {@link #insertAll}, in a transaction of its own. */
    public Uni<Integer> insertAllCommitted(List<NewInteraction> interactions, OffsetDateTime receivedAt) {
        return pool.withTransaction(tx -> insertAll(tx, interactions, receivedAt));
    }

    /** A customer's interactions before {@code before} (newest first), at most {@code limit}. */
    public Uni<List<TimelineEntry>> timeline(UUID customerId, TimeKey before, int limit) {
        return pool.preparedQuery(TIMELINE).execute(Tuple.of(customerId, before.at(), before.id(), limit)).map(rows -> {
            List<TimelineEntry> entries = new ArrayList<>();
            for (Row row : rows) {
                entries.add(new TimelineEntry(row.getUUID(0), row.getString(1), row.getString(2),
                        row.getOffsetDateTime(3), read(row.getString(4), java.util.Map.class),
                        List.of(read(row.getString(5), InteractionRecorded.Placement[].class))));
            }
            return entries;
        });
    }

    @SuppressWarnings("unchecked")
    private static <T> T read(String json, Class<?> type) {
        try {
            return (T) EventJson.mapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored interaction is not readable", e);
        }
    }
}
