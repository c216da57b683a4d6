package io.waymark.contracts.customer;

import io.waymark.contracts.EventType;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The customer asked to be forgotten (GDPR art. 17): every service deletes what it holds about
 * {@code customerId} when it consumes this; aggregates may keep counts. Published on {@code customer.events}.
 */
public record CustomerErased(UUID customerId, OffsetDateTime erasedAt) {

    public static final EventType TYPE = new EventType("customer.erased", 1);
}
