package io.waymark.customer.persistence;

import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import io.waymark.customer.domain.StageTransition;
import io.waymark.platform.paging.PageQuery;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class StageTransitionRepository implements IdPagedRepository<StageTransition> {

    /** A customer's moves, oldest first (ids are time-ordered), one more than asked. */
    public Uni<List<StageTransition>> ofCustomer(UUID customerId, PageQuery page) {
        return page(page, "customerId = :customer", Parameters.with("customer", customerId));
    }
}
