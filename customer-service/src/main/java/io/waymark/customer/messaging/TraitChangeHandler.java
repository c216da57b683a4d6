package io.waymark.customer.messaging;

import io.smallrye.mutiny.Uni;
import io.waymark.contracts.EventType;
import io.waymark.contracts.customer.CustomerUpdated;
import io.waymark.customer.domain.rules.LifecycleRule;
import io.waymark.customer.domain.rules.RuleApplier;
import io.waymark.customer.domain.rules.RuleEvent;
import io.waymark.platform.messaging.EventHandler;
import io.waymark.platform.messaging.ReceivedEvent;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/**
 * This service's own customer.updated, read back from Kafka: when traits changed, the trait-change rules run
 * (after the change committed, once per event, like every other trigger). Rule moves publish
 * customer.stage-changed, never customer.updated, so rules cannot feed themselves.
 */
@ApplicationScoped
public class TraitChangeHandler implements EventHandler<CustomerUpdated> {

    private final RuleApplier rules;

    TraitChangeHandler(RuleApplier rules) {
        this.rules = rules;
    }

    @Override
    public EventType type() {
        return CustomerUpdated.TYPE;
    }

    @Override
    public Class<CustomerUpdated> dataType() {
        return CustomerUpdated.class;
    }

    @Override
    public Uni<Void> handle(ReceivedEvent<CustomerUpdated> event) {
        CustomerUpdated updated = event.data();
        if (updated.customerId() == null || updated.changed() == null
                || updated.changed().stream().noneMatch(field -> field.startsWith("traits."))) {
            return Uni.createFrom().voidItem();
        }
        return rules.apply(updated.customerId(),
                new RuleEvent(LifecycleRule.TRAIT_CHANGE, null, event.id(), Map.of("changed", updated.changed()),
                        updated.updatedAt()));
    }
}
