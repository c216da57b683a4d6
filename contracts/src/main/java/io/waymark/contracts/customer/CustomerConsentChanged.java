package io.waymark.contracts.customer;

import io.waymark.contracts.EventType;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A customer granted or withdrew consent for one purpose ({@code email_marketing}, {@code surveys},
 * {@code personalization}, {@code analytics}, ...); published on {@code customer.events} by customer-service.
 * Services that contact or profile customers keep the latest answer per purpose and honour it.
 *
 * @param source where the answer was given (e.g. {@code signup-form}, {@code preference-center}, {@code agent})
 */
public record CustomerConsentChanged(UUID customerId, String purpose, boolean granted, String source, OffsetDateTime at) {

    public static final EventType TYPE = new EventType("customer.consent-changed", 1);
}
