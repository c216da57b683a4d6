package io.waymark.analytics.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Subjects merged into others, and whom they became: the last survivor of a chain of merges, whichever order the
 * merges arrive in (a merge into a subject that was itself merged away goes to that subject's survivor).
 */
@ApplicationScoped
public class SubjectAliases {

    /** The survivors of those of {@code subjects} that were merged away. */
    public Uni<Map<String, String>> survivors(SqlConnection tx, Collection<String> subjects) {
        return tx.preparedQuery("select subject, survivor from subject_alias where subject = any($1)")
                .execute(Tuple.of(subjects.toArray(String[]::new))).map(rows -> {
                    Map<String, String> found = new HashMap<>();
                    for (Row row : rows) {
                        found.put(row.getString(0), row.getString(1));
                    }
                    return found;
                });
    }

    /** Whom {@code subject} became: its survivor, or itself when it was never merged away. */
    public Uni<String> survivorOf(SqlConnection tx, String subject) {
        return survivors(tx, List.of(subject)).map(found -> found.getOrDefault(subject, subject));
    }

    /** {@code from} became {@code into}, and so did every subject that had become {@code from}. */
    public Uni<Void> add(SqlConnection tx, String from, String into) {
        return tx.preparedQuery("update subject_alias set survivor = $2 where survivor = $1").execute(Tuple.of(from, into))
                .flatMap(r -> tx.preparedQuery("insert into subject_alias (subject, survivor) values ($1, $2) "
                        + "on conflict (subject) do update set survivor = excluded.survivor").execute(Tuple.of(from, into)))
                .replaceWithVoid();
    }

    /**
     * An erased survivor's aliases are erased too (their late events change nothing) and the links forgotten;
     * completes with the aliases, whose own rows the caller removes.
     */
    public Uni<List<String>> erase(SqlConnection tx, String survivor, OffsetDateTime at) {
        return tx.preparedQuery("""
                        with gone as (delete from subject_alias where survivor = $1 returning subject),
                             kept as (insert into erased_subject (subject, erased_at) select subject, $2 from gone
                                      on conflict do nothing)
                        select subject from gone""")
                .execute(Tuple.of(survivor, at)).map(rows -> {
                    List<String> gone = new ArrayList<>();
                    rows.forEach(r -> gone.add(r.getString(0)));
                    return gone;
                });
    }
}
