package io.waymark.feedback.messaging;

import io.smallrye.mutiny.Uni;
import io.waymark.contracts.EventType;
import io.waymark.contracts.customer.CustomerCreated;
import io.waymark.feedback.domain.customers.CustomerFacts;
import io.waymark.platform.messaging.EventHandler;
import io.waymark.platform.messaging.InvalidEvent;
import io.waymark.platform.messaging.ReceivedEvent;
import jakarta.enterprise.context.ApplicationScoped;

/** A new customer's first lifecycle stage (a stage this version does not know is kept as sent). */
@ApplicationScoped
public class CustomerCreatedHandler implements EventHandler<CustomerCreated> {

    private final CustomerFacts customers;

    CustomerCreatedHandler(CustomerFacts customers) {
        this.customers = customers;
    }

    @Override
    public EventType type() {
        return CustomerCreated.TYPE;
    }

    @Override
    public Class<CustomerCreated> dataType() {
        return CustomerCreated.class;
    }

    @Override
    public Uni<Void> handle(ReceivedEvent<CustomerCreated> event) {
        CustomerCreated created = event.data();
        String stage = created.stage() != null ? created.stage().name() : event.rawData().path("stage").asText(null);
        if (created.customerId() == null || stage == null) {
            throw new InvalidEvent("customer.created " + event.id() + " needs customerId and stage");
        }
        return customers.stageKnown(created.customerId(), stage, event.aggregateVersion() != null ? event.aggregateVersion() : 1);
    }
}
