package io.waymark.customer.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.waymark.contracts.EventType;
import io.waymark.contracts.journey.InteractionRecorded;
import io.waymark.customer.domain.rules.LifecycleRule;
import io.waymark.customer.domain.rules.RuleApplier;
import io.waymark.customer.domain.rules.RuleEvent;
import io.waymark.platform.messaging.EventHandler;
import io.waymark.platform.messaging.InteractionEvents;
import io.waymark.platform.messaging.ReceivedEvent;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/**
 * An interaction an enabled rule concerns (handed on by {@link InteractionsConsumer}, which has already moved
 * {@code lastSeenAt}): the interaction rules may move the customer.
 */
@ApplicationScoped
public class InteractionRecordedHandler implements EventHandler<InteractionRecorded> {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final RuleApplier rules;

    InteractionRecordedHandler(RuleApplier rules) {
        this.rules = rules;
    }

    @Override
    public EventType type() {
        return InteractionRecorded.TYPE;
    }

    @Override
    public Class<InteractionRecorded> dataType() {
        return InteractionRecorded.class;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Uni<Void> handle(ReceivedEvent<InteractionRecorded> event) {
        InteractionEvents.requireComplete(event);
        InteractionRecorded interaction = event.data();
        Map<String, Object> data = JSON.convertValue(event.rawData(), Map.class);
        RuleEvent ruleEvent = new RuleEvent(LifecycleRule.INTERACTION, interaction.type(), event.id(), data,
                interaction.occurredAt());
        return rules.customerOf(interaction.customerId(), interaction.anonymousId()).flatMap(customer -> customer
                .map(id -> rules.apply(id, ruleEvent))
                .orElse(Uni.createFrom().voidItem()));
    }
}
