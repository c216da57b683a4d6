package io.waymark.feedback.messaging;

import io.smallrye.mutiny.Uni;
import io.waymark.contracts.EventType;
import io.waymark.contracts.customer.CustomerErased;
import io.waymark.feedback.domain.customers.CustomerIdentityChanges;
import io.waymark.platform.messaging.EventHandler;
import io.waymark.platform.messaging.InvalidEvent;
import io.waymark.platform.messaging.ReceivedEvent;
import jakarta.enterprise.context.ApplicationScoped;

/** The right to be forgotten: the customer's personal data here goes, the numbers of their answers stay. */
@ApplicationScoped
public class CustomerErasedHandler implements EventHandler<CustomerErased> {

    private final CustomerIdentityChanges changes;

    CustomerErasedHandler(CustomerIdentityChanges changes) {
        this.changes = changes;
    }

    @Override
    public EventType type() {
        return CustomerErased.TYPE;
    }

    @Override
    public Class<CustomerErased> dataType() {
        return CustomerErased.class;
    }

    @Override
    public Uni<Void> handle(ReceivedEvent<CustomerErased> event) {
        CustomerErased erased = event.data();
        if (erased.customerId() == null) {
            throw new InvalidEvent("customer.erased " + event.id() + " needs a customerId");
        }
        return changes.erased(erased.customerId(), erased.erasedAt() != null ? erased.erasedAt() : event.time());
    }
}
