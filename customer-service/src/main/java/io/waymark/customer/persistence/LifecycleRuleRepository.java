package io.waymark.customer.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import io.waymark.customer.domain.rules.LifecycleRule;
import io.waymark.platform.paging.PageQuery;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class LifecycleRuleRepository implements PanacheRepositoryBase<LifecycleRule, UUID> {

    public Uni<List<LifecycleRule>> enabledFor(String trigger) {
        return list("trigger = :trigger and enabled = true order by priority, id", Parameters.with("trigger", trigger));
    }

    /** In id order, one more than asked. */
    public Uni<List<LifecycleRule>> page(PageQuery page) {
        var query = page.after() == null ? find("order by id")
                : find("id > :after order by id", Parameters.with("after", page.after()));
        return query.page(0, page.fetchSize()).list();
    }

    public Uni<Boolean> nameTaken(String name, UUID except) {
        return count("lower(name) = lower(:name) and id != :except",
                Parameters.with("name", name).and("except", except)).map(n -> n > 0);
    }
}
