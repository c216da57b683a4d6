package io.waymark.contracts.customer;

import io.waymark.contracts.EventType;
import io.waymark.contracts.LifecycleStage;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A customer was created; published on {@code customer.events} by customer-service. Carries no personal
 * data (no email or names): consumers that need them ask customer-service.
 */
public record CustomerCreated(UUID customerId, LifecycleStage stage, OffsetDateTime createdAt) {

    public static final EventType TYPE = new EventType("customer.created", 1);
}
