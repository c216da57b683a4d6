package io.waymark.customer.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.waymark.customer.domain.Customer;
import jakarta.enterprise.context.ApplicationScoped;
import io.waymark.customer.domain.CustomerSearch;
import io.waymark.platform.persistence.LikePatterns;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class CustomerRepository implements PanacheRepositoryBase<Customer, UUID> {

    public Uni<Boolean> emailTaken(String email) {
        return count("lower(email) = lower(:email)", Parameters.with("email", email)).map(n -> n > 0);
    }

    public Uni<Customer> findActiveByEmail(String email) {
        return find("lower(email) = lower(:email) and status = 'active'", Parameters.with("email", email)).firstResult();
    }

    /**
     * Moves last_seen_at forward only (events may arrive late) for a batch of interactions in one statement on
     * {@code tx}: each customer's latest time, the customer found by id or by the anonymous id it was recorded
     * under. A plain update, so the version stays.
     */
    public Uni<Void> markSeenAll(SqlConnection tx, UUID[] customerIds,
                                 String[] anonymousIds, OffsetDateTime[] at) {
        return tx.preparedQuery(MARK_SEEN_ALL).execute(Tuple.tuple()
                .addArrayOfUUID(customerIds).addArrayOfString(anonymousIds).addArrayOfOffsetDateTime(at)).replaceWithVoid();
    }

    private static final String MARK_SEEN_ALL = """
            update customer c set last_seen_at = s.at
            from (select coalesce(t.customer_id, a.customer_id) as id, max(t.at) as at
                  from unnest($1::uuid[], $2::text[], $3::timestamptz[]) as t(customer_id, anonymous_id, at)
                  left join customer_anonymous_id a on t.customer_id is null and a.anonymous_id = t.anonymous_id
                  group by 1) s
            where c.id = s.id and c.status = 'active' and (c.last_seen_at is null or c.last_seen_at < s.at)""";

    /** An erasure: the customer's history and other ids go; the tombstone row stays. */
    public Uni<Void> deleteEverythingAbout(UUID customerId) {
        return getSession().flatMap(s -> {
            Uni<Integer> chain = Uni.createFrom().item(0);
            for (String table : new String[] {"stage_transition", "consent_change", "customer_external_id",
                    "customer_anonymous_id"}) {
                chain = chain.flatMap(n -> s.createNativeQuery("delete from " + table + " where customer_id = :customer")
                        .setParameter("customer", customerId).executeUpdate());
            }
            return chain;
        }).replaceWithVoid();
    }

    /** A merge keeps both histories: the merged-away customer's stage moves and consent changes go to the survivor. */
    public Uni<Void> moveHistory(UUID from, UUID to) {
        return getSession().flatMap(s -> s
                .createNativeQuery("update stage_transition set customer_id = :to where customer_id = :from")
                .setParameter("from", from).setParameter("to", to).executeUpdate()
                .flatMap(ignored -> s.createNativeQuery("update consent_change set customer_id = :to where customer_id = :from")
                        .setParameter("from", from).setParameter("to", to).executeUpdate()))
                .replaceWithVoid();
    }

    /**
     * Customers matching the search after the cursor id, in id (= creation) order; one more than asked, to
     * tell if a next page exists. The text match uses the same expression as the trigram index of V7; the
     * query is built from fixed fragments only, every value is a parameter.
     */
    public Uni<List<Customer>> search(CustomerSearch search) {
        List<String> where = new ArrayList<>(List.of("status = 'active'"));
        Parameters params = new Parameters();
        search.text().ifPresent(text -> {
            where.add("(coalesce(lower(email), '') || ' ' || coalesce(lower(firstName), '') || ' ' || coalesce(lower(lastName), '')) "
                    + "like :pattern escape '!'");
            params.and("pattern", LikePatterns.containsIgnoringCase(text));
        });
        search.stage().ifPresent(stage -> {
            where.add("stage = :stage");
            params.and("stage", stage);
        });
        if (search.page().after() != null) {
            where.add("id > :after");
            params.and("after", search.page().after());
        }
        String query = String.join(" and ", where) + " order by id";
        return find(query, params).page(0, search.page().fetchSize()).list();
    }
}
