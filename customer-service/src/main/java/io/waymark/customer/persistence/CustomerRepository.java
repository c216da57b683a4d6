package io.waymark.customer.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import io.waymark.customer.domain.Customer;
import jakarta.enterprise.context.ApplicationScoped;
import io.waymark.platform.paging.PageQuery;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class CustomerRepository implements PanacheRepositoryBase<Customer, UUID> {

    public Uni<Boolean> emailTaken(String email) {
        return count("lower(email) = lower(:email)", Parameters.with("email", email)).map(n -> n > 0);
    }

    /** Customers after the cursor id, in id (= creation) order; one more than asked, to tell if a next page exists. */
    public Uni<List<Customer>> pageAfter(PageQuery page) {
        var query = page.after() == null
                ? find("order by id")
                : find("id > :after order by id", Parameters.with("after", page.after()));
        return query.page(0, page.fetchSize()).list();
    }
}
