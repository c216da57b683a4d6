package io.waymark.analytics.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.waymark.analytics.domain.model.Activity;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

/** Subjects' active weeks and months (table subject_activity), read for update and written back in bulk. */
@ApplicationScoped
public class ActivityStates {

    private static final String LOAD = """
            select subject, weeks, months from subject_activity where subject = any($1) order by subject for update""";
    private static final String SAVE = """
            insert into subject_activity (subject, weeks, months)
            select subject, weeks::int4[], months::int4[] from unnest($1::text[], $2::text[], $3::text[]) as t(subject, weeks, months)
            on conflict (subject) do update set weeks = excluded.weeks, months = excluded.months""";

    public Uni<Map<String, Activity>> load(SqlConnection tx, Collection<String> subjects) {
        return tx.preparedQuery(LOAD).execute(Tuple.of(subjects.toArray(String[]::new))).map(rows -> {
            Map<String, Activity> found = new HashMap<>();
            for (Row row : rows) {
                found.put(row.getString(0), new Activity(new TreeSet<>(java.util.Arrays.asList(row.getArrayOfIntegers(1))),
                        new TreeSet<>(java.util.Arrays.asList(row.getArrayOfIntegers(2)))));
            }
            return found;
        });
    }

    public Uni<Void> save(SqlConnection tx, Map<String, Activity> changed) {
        if (changed.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        String[] subjects = changed.keySet().toArray(String[]::new);
        java.util.Arrays.sort(subjects);
        String[] weeks = new String[subjects.length];
        String[] months = new String[subjects.length];
        for (int i = 0; i < subjects.length; i++) {
            weeks[i] = array(changed.get(subjects[i]).weeks());
            months[i] = array(changed.get(subjects[i]).months());
        }
        return tx.preparedQuery(SAVE).execute(Tuple.of(subjects, weeks, months)).replaceWithVoid();
    }

    public Uni<Void> delete(SqlConnection tx, Collection<String> subjects) {
        return tx.preparedQuery("delete from subject_activity where subject = any($1)")
                .execute(Tuple.of(subjects.toArray(String[]::new))).replaceWithVoid();
    }

    private static String array(Collection<Integer> values) {
        StringBuilder b = new StringBuilder("{");
        for (Integer v : values) {
            b.append(b.length() > 1 ? "," : "").append(v);
        }
        return b.append('}').toString();
    }
}
