package io.waymark.customer.domain;

import io.waymark.contracts.LifecycleStage;
import java.util.Map;

/**
 * The command to create a customer; {@code stage} is optional (AWARENESS when absent), so are the email
 * (a customer may be known only by other ids), the external ids and an anonymous id to link.
 */
public record CreateCustomer(String email, String firstName, String lastName, Map<String, Object> traits,
                             LifecycleStage stage, Map<String, String> externalIds, String anonymousId) {

    public CreateCustomer {
        externalIds = externalIds == null ? Map.of() : externalIds;
    }
}
