package io.waymark.analytics.messaging;

import io.smallrye.mutiny.Uni;
import io.waymark.analytics.domain.StageCounts;
import io.waymark.contracts.EventType;
import io.waymark.contracts.customer.CustomerErased;
import io.waymark.platform.messaging.EventHandler;
import io.waymark.platform.messaging.InvalidEvent;
import io.waymark.platform.messaging.ReceivedEvent;
import jakarta.enterprise.context.ApplicationScoped;

/** An erased customer leaves the read models; the counts by stage lose them too. */
@ApplicationScoped
public class CustomerErasedHandler implements EventHandler<CustomerErased> {

    private final StageCounts stages;

    CustomerErasedHandler(StageCounts stages) {
        this.stages = stages;
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
        if (event.data().customerId() == null) {
            throw new InvalidEvent("customer.erased " + event.id() + " needs a customerId");
        }
        return stages.customerGone(event.data().customerId());
    }
}
