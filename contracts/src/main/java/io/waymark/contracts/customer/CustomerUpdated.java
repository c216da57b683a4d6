package io.waymark.contracts.customer;

import io.waymark.contracts.EventType;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A customer's profile changed; published on {@code customer.events} by customer-service. Names what changed
 * ({@code email}, {@code firstName}, {@code lastName}, {@code traits.<key>}) but not the values: personal
 * data stays with customer-service.
 */
public record CustomerUpdated(UUID customerId, List<String> changed, OffsetDateTime updatedAt) {

    public static final EventType TYPE = new EventType("customer.updated", 1);
}
