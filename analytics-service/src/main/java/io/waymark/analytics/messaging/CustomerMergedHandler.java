package io.waymark.analytics.messaging;

import io.smallrye.mutiny.Uni;
import io.waymark.analytics.domain.StageCounts;
import io.waymark.contracts.EventType;
import io.waymark.contracts.customer.CustomerMerged;
import io.waymark.platform.messaging.EventHandler;
import io.waymark.platform.messaging.InvalidEvent;
import io.waymark.platform.messaging.ReceivedEvent;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * A customer merged into another stops counting on its own: the survivor is already in the read model with its
 * own stage. An anonymous id that identified holds nothing here.
 */
@ApplicationScoped
public class CustomerMergedHandler implements EventHandler<CustomerMerged> {

    private final StageCounts stages;

    CustomerMergedHandler(StageCounts stages) {
        this.stages = stages;
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
            return stages.customerGone(UUID.fromString(merged.fromId()));
        } catch (IllegalArgumentException e) {
            throw new InvalidEvent("customer.merged " + event.id() + " of kind customer needs a customer id as fromId");
        }
    }
}
