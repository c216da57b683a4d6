package io.waymark.customer.domain;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.waymark.contracts.LifecycleStage;
import io.waymark.contracts.Topics;
import io.waymark.contracts.customer.CustomerCreated;
import io.waymark.customer.persistence.CustomerRepository;
import io.waymark.platform.domain.Conflict;
import io.waymark.platform.domain.Ids;
import io.waymark.platform.domain.NotFound;
import io.waymark.platform.outbox.Outbox;
import io.waymark.platform.paging.Page;
import io.waymark.platform.paging.PageQuery;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.UUID;

/** Customers: creating them (with their event, in one transaction) and reading them. */
@ApplicationScoped
public class CustomerService {

    private final CustomerRepository customers;
    private final Outbox outbox;

    CustomerService(CustomerRepository customers, Outbox outbox) {
        this.customers = customers;
        this.outbox = outbox;
    }

    /** Creates the customer and records {@code customer.created} in the same transaction. */
    @WithTransaction
    public Uni<Customer> create(CreateCustomer command) {
        TraitLimits.check(command.traits());
        String email = command.email().trim();
        return customers.emailTaken(email).flatMap(taken -> {
            if (taken) {
                return Uni.createFrom().failure(new Conflict("a customer with email " + email + " already exists"));
            }
            // microseconds: what PostgreSQL keeps, so the answer equals what a later read returns
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
            Customer c = new Customer();
            c.id = Ids.newId();
            c.email = email;
            c.firstName = blankToNull(command.firstName());
            c.lastName = blankToNull(command.lastName());
            c.traits = command.traits() == null ? new LinkedHashMap<>() : new LinkedHashMap<>(command.traits());
            c.stage = command.stage() == null ? LifecycleStage.AWARENESS : command.stage();
            c.stageSince = now;
            c.createdAt = now;
            c.updatedAt = now;
            return customers.persist(c)
                    .call(saved -> outbox.record(Topics.CUSTOMER_EVENTS, CustomerCreated.TYPE, saved.id,
                            saved.aggregateVersion(), new CustomerCreated(saved.id, saved.stage, saved.createdAt)));
        });
    }

    @WithSession
    public Uni<Customer> get(UUID id) {
        return customers.findById(id).onItem().ifNull().failWith(() -> new NotFound("customer", id));
    }

    /** Oldest first (ids are time-ordered). */
    @WithSession
    public Uni<Page<Customer>> list(PageQuery query) {
        return customers.pageAfter(query).map(found -> Page.of(found, query, c -> c.id));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
