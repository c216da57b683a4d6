package io.waymark.feedback.messaging;

import io.smallrye.mutiny.Uni;
import io.waymark.contracts.EventType;
import io.waymark.contracts.customer.CustomerConsentChanged;
import io.waymark.feedback.domain.customers.CustomerFacts;
import io.waymark.platform.messaging.EventHandler;
import io.waymark.platform.messaging.InvalidEvent;
import io.waymark.platform.messaging.ReceivedEvent;
import jakarta.enterprise.context.ApplicationScoped;

/** A consent answer: the {@code surveys} purpose decides who may be invited (other purposes are not kept). */
@ApplicationScoped
public class ConsentChangedHandler implements EventHandler<CustomerConsentChanged> {

    private final CustomerFacts customers;

    ConsentChangedHandler(CustomerFacts customers) {
        this.customers = customers;
    }

    @Override
    public EventType type() {
        return CustomerConsentChanged.TYPE;
    }

    @Override
    public Class<CustomerConsentChanged> dataType() {
        return CustomerConsentChanged.class;
    }

    @Override
    public Uni<Void> handle(ReceivedEvent<CustomerConsentChanged> event) {
        CustomerConsentChanged consent = event.data();
        if (consent.customerId() == null || consent.purpose() == null || event.aggregateVersion() == null) {
            throw new InvalidEvent("customer.consent-changed " + event.id() + " needs customerId, purpose and aggregateversion");
        }
        return customers.consentChanged(consent.customerId(), consent.purpose(), consent.granted(),
                consent.at() != null ? consent.at() : event.time(), event.aggregateVersion());
    }
}
