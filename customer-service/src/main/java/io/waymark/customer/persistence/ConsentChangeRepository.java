package io.waymark.customer.persistence;

import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import io.waymark.customer.domain.ConsentChange;
import io.waymark.platform.paging.PageQuery;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ConsentChangeRepository implements IdPagedRepository<ConsentChange> {

    /** A customer's answers, oldest first (ids are time-ordered), one more than asked. */
    public Uni<List<ConsentChange>> ofCustomer(UUID customerId, PageQuery page) {
        return page(page, "customerId = :customer", Parameters.with("customer", customerId));
    }
}
