package io.waymark.contracts.customer;

import io.waymark.contracts.EventType;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * What was recorded under {@code fromId} now belongs to customer {@code toCustomerId}: every service re-keys
 * what it holds under the old id. Published on {@code customer.events} by customer-service.
 *
 * @param kind {@code anonymous} ({@code fromId} is an anonymous id that identified as the customer) or
 *             {@code customer} ({@code fromId} is a customer id merged into another; it answers 301/410 since)
 */
public record CustomerMerged(String fromId, UUID toCustomerId, String kind, OffsetDateTime at) {

    public static final EventType TYPE = new EventType("customer.merged", 1);
    public static final String ANONYMOUS = "anonymous";
    public static final String CUSTOMER = "customer";
}
