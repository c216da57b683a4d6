package io.waymark.customer.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import io.waymark.customer.domain.Customer;
import jakarta.enterprise.context.ApplicationScoped;
import io.waymark.customer.domain.CustomerSearch;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

@ApplicationScoped
public class CustomerRepository implements PanacheRepositoryBase<Customer, UUID> {

    public Uni<Boolean> emailTaken(String email) {
        return count("lower(email) = lower(:email)", Parameters.with("email", email)).map(n -> n > 0);
    }

    /**
     * Customers matching the search after the cursor id, in id (= creation) order; one more than asked, to
     * tell if a next page exists. The text match uses the same expression as the trigram index of V2; the
     * query is built from fixed fragments only, every value is a parameter.
     */
    public Uni<List<Customer>> search(CustomerSearch search) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        search.text().ifPresent(text -> {
            where.add("(lower(email) || ' ' || coalesce(lower(firstName), '') || ' ' || coalesce(lower(lastName), '')) "
                    + "like :pattern escape '!'");
            params.and("pattern", "%" + escapeLike(text.toLowerCase(Locale.ROOT)) + "%");
        });
        search.stage().ifPresent(stage -> {
            where.add("stage = :stage");
            params.and("stage", stage);
        });
        if (search.page().after() != null) {
            where.add("id > :after");
            params.and("after", search.page().after());
        }
        String query = (where.isEmpty() ? "" : String.join(" and ", where) + " ") + "order by id";
        return find(query, params).page(0, search.page().fetchSize()).list();
    }

    private static String escapeLike(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
