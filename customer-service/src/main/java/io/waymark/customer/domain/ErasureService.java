package io.waymark.customer.domain;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.waymark.contracts.Topics;
import io.waymark.contracts.customer.CustomerErased;
import io.waymark.customer.persistence.CustomerRepository;
import io.waymark.platform.domain.Timestamps;
import io.waymark.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The right to be forgotten: everything customer-service holds about a customer is deleted, except a tombstone
 * with the id and the stage (no personal data), so late events cannot bring the customer back and counts stay
 * right. {@code customer.erased} tells every other service to delete its part.
 */
@ApplicationScoped
public class ErasureService {

    private final CustomerRepository customers;
    private final Outbox outbox;

    ErasureService(CustomerRepository customers, Outbox outbox) {
        this.customers = customers;
        this.outbox = outbox;
    }

    @WithTransaction
    public Uni<Void> erase(UUID customerId) {
        return customers.findById(customerId).map(found -> LiveCustomers.require(found, customerId)).flatMap(c -> {
            OffsetDateTime now = Timestamps.now();
            long nextVersion = c.aggregateVersion() + 1;
            c.status = Customer.ERASED;
            c.forgetPersonalData();
            c.lastSeenAt = null;
            c.updatedAt = now;
            return customers.flush()
                    .flatMap(v -> customers.deleteEverythingAbout(c.id))
                    .flatMap(v -> outbox.record(Topics.CUSTOMER_EVENTS, CustomerErased.TYPE, c.id, nextVersion,
                            new CustomerErased(c.id, now)))
                    .replaceWithVoid();
        });
    }
}
