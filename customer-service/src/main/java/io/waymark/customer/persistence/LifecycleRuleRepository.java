package io.waymark.customer.persistence;

import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import io.waymark.customer.domain.rules.LifecycleRule;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class LifecycleRuleRepository implements IdPagedRepository<LifecycleRule> {

    public Uni<List<LifecycleRule>> enabledFor(String trigger) {
        return list("trigger = :trigger and enabled = true order by priority, id", Parameters.with("trigger", trigger));
    }
}
