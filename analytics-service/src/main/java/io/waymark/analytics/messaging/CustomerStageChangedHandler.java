package io.waymark.analytics.messaging;

import io.smallrye.mutiny.Uni;
import io.waymark.analytics.domain.StageCounts;
import io.waymark.contracts.EventType;
import io.waymark.contracts.customer.CustomerStageChanged;
import io.waymark.platform.messaging.EventHandler;
import io.waymark.platform.messaging.InvalidEvent;
import io.waymark.platform.messaging.ReceivedEvent;
import jakarta.enterprise.context.ApplicationScoped;

/** A customer moved: the stage read model follows, unless it already holds a newer version of the customer. */
@ApplicationScoped
public class CustomerStageChangedHandler implements EventHandler<CustomerStageChanged> {

    private final StageCounts stages;

    CustomerStageChangedHandler(StageCounts stages) {
        this.stages = stages;
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
        if (changed.customerId() == null || to == null || changed.at() == null || event.aggregateVersion() == null) {
            throw new InvalidEvent("customer.stage-changed " + event.id() + " needs customerId, to, at and aggregateversion");
        }
        return stages.customerEntered(changed.customerId(), to, changed.at(), event.aggregateVersion());
    }
}
