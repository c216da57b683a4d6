package io.waymark.feedback.messaging;

import io.smallrye.mutiny.Uni;
import io.waymark.contracts.EventType;
import io.waymark.contracts.customer.CustomerStageChanged;
import io.waymark.feedback.domain.customers.CustomerFacts;
import io.waymark.platform.messaging.EventHandler;
import io.waymark.platform.messaging.InvalidEvent;
import io.waymark.platform.messaging.ReceivedEvent;
import jakarta.enterprise.context.ApplicationScoped;

/** A customer moved: their stage sets the priority of their cases (loyal customers' are urgent). */
@ApplicationScoped
public class StageChangedHandler implements EventHandler<CustomerStageChanged> {

    private final CustomerFacts customers;

    StageChangedHandler(CustomerFacts customers) {
        this.customers = customers;
    }

    @Override
    public EventType type() {
        return CustomerStageChanged.TYPE;
    }

    @Override
    public Class<CustomerStageChanged> dataType() {
        return CustomerStageChanged.class;
    }

    @Override
    public Uni<Void> handle(ReceivedEvent<CustomerStageChanged> event) {
        CustomerStageChanged changed = event.data();
        String to = changed.to() != null ? changed.to().name() : event.rawData().path("to").asText(null);
        if (changed.customerId() == null || to == null || event.aggregateVersion() == null) {
            throw new InvalidEvent("customer.stage-changed " + event.id() + " needs customerId, to and aggregateversion");
        }
        return customers.stageKnown(changed.customerId(), to, event.aggregateVersion());
    }
}
