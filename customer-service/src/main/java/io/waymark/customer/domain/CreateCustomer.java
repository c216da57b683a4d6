package io.waymark.customer.domain;

import io.waymark.contracts.LifecycleStage;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * The command to create a customer; {@code stage} is optional (AWARENESS when absent), so are the email
 * (a customer may be known only by other ids), the external ids, an anonymous id to link, and when the customer
 * was first seen ({@code firstSeenAt}: a system importing or replaying history says so; their createdAt and
 * the start of their first stage, else now).
 */
public record CreateCustomer(String email, String firstName, String lastName, Map<String, Object> traits,
                             LifecycleStage stage, Map<String, String> externalIds, String anonymousId,
                             OffsetDateTime firstSeenAt) {

    public CreateCustomer {
        externalIds = externalIds == null ? Map.of() : externalIds;
    }
}
