package io.waymark.contracts.customer;

import io.waymark.contracts.EventType;
import io.waymark.contracts.LifecycleStage;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A customer moved from one lifecycle stage to another; published on {@code customer.events} by
 * customer-service.
 *
 * @param cause                  {@code manual} (a person), {@code rule} (a lifecycle rule) or {@code import}
 * @param ruleId                 the rule that moved the customer, for {@code rule}
 * @param triggeringEventId      the event that made the rule fire, for {@code rule}
 * @param secondsInPreviousStage how long the customer stayed in {@code from}
 */
public record CustomerStageChanged(UUID customerId, LifecycleStage from, LifecycleStage to, OffsetDateTime at,
                                   String cause, UUID ruleId, UUID triggeringEventId, long secondsInPreviousStage) {

    public static final EventType TYPE = new EventType("customer.stage-changed", 1);
}
