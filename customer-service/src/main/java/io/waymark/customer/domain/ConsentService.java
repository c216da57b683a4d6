package io.waymark.customer.domain;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.waymark.contracts.Topics;
import io.waymark.contracts.customer.CustomerConsentChanged;
import io.waymark.customer.persistence.ConsentChangeRepository;
import io.waymark.customer.persistence.CustomerRepository;
import io.waymark.platform.domain.Ids;
import io.waymark.platform.domain.Invalid;
import io.waymark.platform.domain.Timestamps;
import io.waymark.platform.outbox.Outbox;
import io.waymark.platform.paging.Page;
import io.waymark.platform.paging.PageQuery;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What customers agreed to, per purpose (the list is configuration: {@code waymark.consent.purposes}). The
 * current answer sits on the customer, every answer is kept, and each change is published.
 */
@ApplicationScoped
public class ConsentService {

    static final int MAX_SOURCE = 100;

    private final CustomerRepository customers;
    private final ConsentChangeRepository history;
    private final Outbox outbox;
    private final List<String> purposes;

    ConsentService(CustomerRepository customers, ConsentChangeRepository history, Outbox outbox,
                   @ConfigProperty(name = "waymark.consent.purposes") List<String> purposes) {
        this.customers = customers;
        this.history = history;
        this.outbox = outbox;
        this.purposes = List.copyOf(purposes);
    }

    /**
     * Records the answer. The same answer from the same source again (a form submitted twice) changes nothing
     * and publishes nothing.
     */
    @WithTransaction
    public Uni<Map<String, Customer.Consent>> record(UUID customerId, String purpose, boolean granted, String source,
                                                    String actor) {
        if (!purposes.contains(purpose)) {
            return Uni.createFrom().failure(Invalid.field("purpose", "one of " + purposes));
        }
        if (source == null || source.isBlank() || source.length() > MAX_SOURCE) {
            return Uni.createFrom().failure(Invalid.field("source", "where the answer was given, 1-" + MAX_SOURCE + " characters"));
        }
        return customers.findById(customerId).map(found -> LiveCustomers.require(found, customerId)).flatMap(c -> {
            Customer.Consent current = c.consents.get(purpose);
            if (current != null && current.granted() == granted && current.source().equals(source.trim())) {
                return Uni.createFrom().item(c.consents);
            }
            OffsetDateTime now = Timestamps.now();
            ConsentChange change = new ConsentChange();
            change.id = Ids.newId();
            change.customerId = c.id;
            change.purpose = purpose;
            change.granted = granted;
            change.source = source.trim();
            change.actor = actor;
            change.at = now;
            Map<String, Customer.Consent> consents = new LinkedHashMap<>(c.consents);
            consents.put(purpose, new Customer.Consent(granted, change.source, now.toString()));
            c.consents = consents;
            c.updatedAt = now;
            long nextVersion = c.aggregateVersion() + 1;
            return history.persist(change)
                    .flatMap(saved -> outbox.record(Topics.CUSTOMER_EVENTS, CustomerConsentChanged.TYPE, c.id,
                            nextVersion, new CustomerConsentChanged(c.id, purpose, granted, change.source, now)))
                    .flatMap(v -> customers.flush()).replaceWith(c.consents);
        });
    }

    @WithSession
    public Uni<Page<ConsentChange>> history(UUID customerId, PageQuery page) {
        return customers.findById(customerId).map(found -> LiveCustomers.require(found, customerId))
                .flatMap(c -> history.ofCustomer(customerId, page))
                .map(found -> Page.of(found, page, change -> change.id));
    }

    public List<String> purposes() {
        return purposes;
    }
}
