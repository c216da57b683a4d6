package io.waymark.analytics.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.waymark.analytics.domain.model.JourneySubject;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Subjects' ways through journeys (table journey_subject), read for update and written back in bulk. */
@ApplicationScoped
public class JourneySubjects {

    /** A journey and a subject. */
    public record Key(UUID journeyId, String subject) {
    }

    private static final String LOAD = """
            select s.journey_id, s.subject, s.version, s.reached::text from journey_subject s
            join unnest($1::uuid[], $2::text[]) as k(journey_id, subject) using (journey_id, subject)
            order by s.journey_id, s.subject for update of s""";
    private static final String OF_SUBJECTS = """
            select journey_id, subject, version, reached::text from journey_subject where subject = any($1)
            order by journey_id, subject for update""";
    private static final String SAVE = """
            insert into journey_subject (journey_id, subject, version, reached)
            select journey_id, subject, version, reached::jsonb
            from unnest($1::uuid[], $2::text[], $3::int4[], $4::text[]) as t(journey_id, subject, version, reached)
            on conflict (journey_id, subject) do update set version = excluded.version, reached = excluded.reached""";

    public Uni<Map<Key, JourneySubject>> load(SqlConnection tx, Collection<Key> keys) {
        List<Key> sorted = new ArrayList<>(keys);
        sorted.sort(Comparator.comparing(Key::toString));
        return tx.preparedQuery(LOAD).execute(Tuple.of(sorted.stream().map(Key::journeyId).toArray(UUID[]::new),
                sorted.stream().map(Key::subject).toArray(String[]::new))).map(JourneySubjects::read);
    }

    /** Every journey of these subjects (for merges and erasure). */
    public Uni<Map<Key, JourneySubject>> ofSubjects(SqlConnection tx, Collection<String> subjects) {
        return tx.preparedQuery(OF_SUBJECTS).execute(Tuple.of(subjects.toArray(String[]::new))).map(JourneySubjects::read);
    }

    /** The journey's subjects counted before any version of it was known (so without its designed order). */
    public Uni<Map<Key, JourneySubject>> unordered(SqlConnection tx, UUID journeyId) {
        return tx.preparedQuery("""
                        select journey_id, subject, version, reached::text from journey_subject
                        where journey_id = $1 and version is null order by subject for update""")
                .execute(Tuple.of(journeyId)).map(JourneySubjects::read);
    }

    public Uni<Void> save(SqlConnection tx, Map<Key, JourneySubject> changed) {
        if (changed.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Key> keys = new ArrayList<>(changed.keySet());
        keys.sort(Comparator.comparing(Key::toString));
        return tx.preparedQuery(SAVE).execute(Tuple.tuple()
                .addArrayOfUUID(keys.stream().map(Key::journeyId).toArray(UUID[]::new))
                .addArrayOfString(keys.stream().map(Key::subject).toArray(String[]::new))
                .addArrayOfInteger(keys.stream().map(k -> changed.get(k).version()).toArray(Integer[]::new))
                .addArrayOfString(keys.stream().map(k -> new JsonObject(new HashMap<>(changed.get(k).reached())).encode())
                        .toArray(String[]::new)))
                .replaceWithVoid();
    }

    public Uni<Void> deleteSubjects(SqlConnection tx, Collection<String> subjects) {
        return tx.preparedQuery("delete from journey_subject where subject = any($1)")
                .execute(Tuple.of(subjects.toArray(String[]::new))).replaceWithVoid();
    }

    private static Map<Key, JourneySubject> read(io.vertx.mutiny.sqlclient.RowSet<Row> rows) {
        Map<Key, JourneySubject> found = new HashMap<>();
        for (Row row : rows) {
            found.put(new Key(row.getUUID(0), row.getString(1)),
                    new JourneySubject(row.getInteger(2), LifecycleStates.seconds(row.getString(3))));
        }
        return found;
    }
}
