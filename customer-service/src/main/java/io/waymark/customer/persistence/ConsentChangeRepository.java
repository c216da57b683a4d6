package io.waymark.customer.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import io.waymark.customer.domain.ConsentChange;
import io.waymark.platform.paging.PageQuery;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ConsentChangeRepository implements PanacheRepositoryBase<ConsentChange, UUID> {

    /** A customer's answers, oldest first (ids are time-ordered), one more than asked. */
    public Uni<List<ConsentChange>> ofCustomer(UUID customerId, PageQuery page) {
        var query = page.after() == null
                ? find("customerId = :customer order by id", Parameters.with("customer", customerId))
                : find("customerId = :customer and id > :after order by id",
                        Parameters.with("customer", customerId).and("after", page.after()));
        return query.page(0, page.fetchSize()).list();
    }
}
