package io.waymark.customer.domain;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.waymark.contracts.LifecycleStage;
import io.waymark.contracts.Topics;
import io.waymark.contracts.customer.CustomerCreated;
import io.waymark.customer.persistence.CustomerRepository;
import io.waymark.platform.api.ProblemException;
import io.waymark.platform.domain.Ids;
import io.waymark.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

@ApplicationScoped
public class CustomerService {

    @Inject
    CustomerRepository customers;

    @Inject
    Outbox outbox;

    /** Creates the customer and records {@code customer.created} in the same transaction. */
    @WithTransaction
    public Uni<Customer> create(String email, String firstName, String lastName, Map<String, Object> traits,
                                LifecycleStage stage) {
        String normalizedEmail = email.trim();
        return customers.emailTaken(normalizedEmail).flatMap(taken -> {
            if (taken) {
                return Uni.createFrom().failure(ProblemException.conflict("a customer with email " + normalizedEmail + " already exists"));
            }
            // microseconds: what PostgreSQL keeps, so the answer equals what a later read returns
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
            Customer c = new Customer();
            c.id = Ids.newId();
            c.email = normalizedEmail;
            c.firstName = blankToNull(firstName);
            c.lastName = blankToNull(lastName);
            c.traits = traits == null ? new LinkedHashMap<>() : new LinkedHashMap<>(traits);
            c.stage = stage == null ? LifecycleStage.AWARENESS : stage;
            c.stageSince = now;
            c.createdAt = now;
            c.updatedAt = now;
            return customers.persist(c)
                    .call(saved -> outbox.record(Topics.CUSTOMER_EVENTS, CustomerCreated.TYPE, saved.id,
                            new CustomerCreated(saved.id, saved.email, saved.firstName, saved.lastName, saved.stage,
                                    saved.createdAt)));
        });
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
