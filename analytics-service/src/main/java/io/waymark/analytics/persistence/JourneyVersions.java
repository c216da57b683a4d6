package io.waymark.analytics.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.waymark.contracts.journey.JourneyPublished;
import io.waymark.platform.events.EventJson;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Journey maps as published (journey.published): versions never change, so a document once read is kept in
 * memory; which version is the latest is always asked of the database.
 */
@ApplicationScoped
public class JourneyVersions {

    public record Key(UUID journeyId, int version) {
    }

    private final Pool pool;
    private final Map<Key, JourneyPublished> documents = new ConcurrentHashMap<>();
    private final AtomicLong saves = new AtomicLong();

    JourneyVersions(Pool pool) {
        this.pool = pool;
    }

    public Uni<Void> save(SqlConnection tx, JourneyPublished version) {
        String json;
        try {
            json = EventJson.mapper().writeValueAsString(version);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(e);
        }
        return tx.preparedQuery("""
                        insert into journey_version (journey_id, version, published_at, document) values ($1, $2, $3, $4::text::jsonb)
                        on conflict do nothing""")
                .execute(Tuple.of(version.journeyId(), version.version(), version.publishedAt(), json))
                .invoke(saves::incrementAndGet).replaceWithVoid();
    }

    /** How many versions this instance has saved (a cache of names built from them is stale when it changed). */
    public long saves() {
        return saves.get();
    }

    /** The latest published version of every journey. */
    public Uni<List<JourneyPublished>> latestAll() {
        return pool.query("""
                        select distinct on (journey_id) document::text from journey_version
                        order by journey_id, version desc""").execute().map(rows -> {
                    List<JourneyPublished> docs = new ArrayList<>();
                    for (Row row : rows) {
                        JourneyPublished doc = read(row.getString(0));
                        documents.put(new Key(doc.journeyId(), doc.version()), doc);
                        docs.add(doc);
                    }
                    return docs;
                });
    }

    /** The latest known version of each journey given (journeys without one are left out). */
    public Uni<Map<UUID, Integer>> latest(SqlClient db, Collection<UUID> journeys) {
        return db.preparedQuery("select journey_id, max(version) from journey_version where journey_id = any($1) group by journey_id")
                .execute(Tuple.of(journeys.toArray(UUID[]::new))).map(rows -> {
                    Map<UUID, Integer> found = new HashMap<>();
                    for (Row row : rows) {
                        found.put(row.getUUID(0), row.getInteger(1));
                    }
                    return found;
                });
    }

    /** A version's document (null version: the latest), if analytics has it. */
    public Uni<Optional<JourneyPublished>> get(UUID journeyId, Integer version) {
        if (version != null && documents.containsKey(new Key(journeyId, version))) {
            return Uni.createFrom().item(Optional.of(documents.get(new Key(journeyId, version))));
        }
        String sql = version == null
                ? "select document::text from journey_version where journey_id = $1 order by version desc limit 1"
                : "select document::text from journey_version where journey_id = $1 and version = $2";
        Tuple params = version == null ? Tuple.of(journeyId) : Tuple.of(journeyId, version);
        return pool.preparedQuery(sql).execute(params).map(rows -> {
            if (rows.rowCount() == 0) {
                return Optional.empty();
            }
            JourneyPublished doc = read(rows.iterator().next().getString(0));
            documents.put(new Key(journeyId, doc.version()), doc);
            return Optional.of(doc);
        });
    }

    /** Documents of these versions, from memory or the database. */
    public Uni<Map<Key, JourneyPublished>> all(SqlClient db, Collection<Key> keys) {
        Map<Key, JourneyPublished> found = new HashMap<>();
        List<Key> missing = new ArrayList<>();
        for (Key k : keys) {
            JourneyPublished doc = documents.get(k);
            if (doc != null) {
                found.put(k, doc);
            } else {
                missing.add(k);
            }
        }
        if (missing.isEmpty()) {
            return Uni.createFrom().item(found);
        }
        return db.preparedQuery("""
                        select v.document::text from journey_version v
                        join unnest($1::uuid[], $2::int4[]) as k(journey_id, version) using (journey_id, version)""")
                .execute(Tuple.of(missing.stream().map(Key::journeyId).toArray(UUID[]::new),
                        missing.stream().map(Key::version).toArray(Integer[]::new)))
                .map(rows -> {
                    for (Row row : rows) {
                        JourneyPublished doc = read(row.getString(0));
                        Key k = new Key(doc.journeyId(), doc.version());
                        documents.put(k, doc);
                        found.put(k, doc);
                    }
                    return found;
                });
    }

    private static JourneyPublished read(String json) {
        try {
            return EventJson.mapper().readValue(json, JourneyPublished.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored journey version is unreadable", e);
        }
    }
}
