package io.waymark.feedback.messaging;

import io.smallrye.mutiny.Uni;
import io.waymark.contracts.EventType;
import io.waymark.contracts.customer.CustomerMerged;
import io.waymark.feedback.domain.customers.CustomerIdentityChanges;
import io.waymark.platform.messaging.EventHandler;
import io.waymark.platform.messaging.InvalidEvent;
import io.waymark.platform.messaging.ReceivedEvent;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * A customer merged into another: their answers, invitations and cases move to the survivor, and later answers
 * under the old id are recorded under the survivor. Anonymous ids hold nothing here (answers name customers).
 */
@ApplicationScoped
public class CustomerMergedHandler implements EventHandler<CustomerMerged> {

    private final CustomerIdentityChanges changes;

    CustomerMergedHandler(CustomerIdentityChanges changes) {
        this.changes = changes;
    }

    @Override
    public EventType type() {
        return CustomerMerged.TYPE;
    }

    @Override
    public Class<CustomerMerged> dataType() {
        return CustomerMerged.class;
    }

    @Override
    public Uni<Void> handle(ReceivedEvent<CustomerMerged> event) {
        CustomerMerged merged = event.data();
        if (merged.fromId() == null || merged.toCustomerId() == null) {
            throw new InvalidEvent("customer.merged " + event.id() + " needs fromId and toCustomerId");
        }
        if (!CustomerMerged.CUSTOMER.equals(merged.kind())) {
            return Uni.createFrom().voidItem();
        }
        try {
            return changes.merged(UUID.fromString(merged.fromId()), merged.toCustomerId());
        } catch (IllegalArgumentException e) {
            throw new InvalidEvent("customer.merged " + event.id() + " of kind customer needs a customer id as fromId");
        }
    }
}
