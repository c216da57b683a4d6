package io.waymark.customer.persistence;

import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import io.waymark.customer.domain.rules.LifecycleRule;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

@ApplicationScoped
public class LifecycleRuleRepository implements IdPagedRepository<LifecycleRule> {

    /** The interaction types enabled interaction rules name, on {@code tx}; a null among them: a rule for any type. */
    public Uni<Set<String>> interactionTypesWithRules(SqlConnection tx) {
        return tx.query("select distinct interaction_type from lifecycle_rule where trigger = 'interaction' and enabled")
                .execute().map(rows -> {
                    Set<String> types = new HashSet<>();
                    rows.forEach(row -> types.add(row.getString(0)));
                    return types;
                });
    }

    public Uni<List<LifecycleRule>> enabledFor(String trigger) {
        return list("trigger = :trigger and enabled = true order by priority, id", Parameters.with("trigger", trigger));
    }
}
