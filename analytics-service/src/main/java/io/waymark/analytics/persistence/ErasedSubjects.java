package io.waymark.analytics.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/** Subjects erased (customer.erased): a late or replayed event about them changes nothing. */
@ApplicationScoped
public class ErasedSubjects {

    public Uni<Set<String>> among(SqlConnection tx, Collection<String> subjects) {
        return tx.preparedQuery("select subject from erased_subject where subject = any($1)")
                .execute(Tuple.of(subjects.toArray(String[]::new))).map(rows -> {
                    Set<String> found = new HashSet<>();
                    for (Row row : rows) {
                        found.add(row.getString(0));
                    }
                    return found;
                });
    }

    public Uni<Void> add(SqlConnection tx, String subject, OffsetDateTime at) {
        return tx.preparedQuery("insert into erased_subject (subject, erased_at) values ($1, $2) on conflict do nothing")
                .execute(Tuple.of(subject, at)).replaceWithVoid();
    }
}
