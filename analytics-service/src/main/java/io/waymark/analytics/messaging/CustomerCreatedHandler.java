package io.waymark.analytics.messaging;

import io.smallrye.mutiny.Uni;
import io.waymark.analytics.domain.StageCounts;
import io.waymark.contracts.EventType;
import io.waymark.contracts.customer.CustomerCreated;
import io.waymark.platform.messaging.EventHandler;
import io.waymark.platform.messaging.InvalidEvent;
import io.waymark.platform.messaging.ReceivedEvent;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;

/**
 * A new customer enters the stage read model. A stage this version does not know yet is kept as sent (and
 * counted once this service learns it), not refused.
 */
@ApplicationScoped
public class CustomerCreatedHandler implements EventHandler<CustomerCreated> {

    private final StageCounts stages;

    CustomerCreatedHandler(StageCounts stages) {
        this.stages = stages;
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
        OffsetDateTime at = created.createdAt() != null ? created.createdAt() : event.time();
        if (created.customerId() == null || stage == null || at == null) {
            throw new InvalidEvent("customer.created " + event.id() + " needs customerId, stage and a time");
        }
        long version = event.aggregateVersion() != null ? event.aggregateVersion() : 1;
        return stages.customerEntered(created.customerId(), stage, at, version);
    }
}
