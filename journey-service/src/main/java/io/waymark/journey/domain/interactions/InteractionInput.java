package io.waymark.journey.domain.interactions;

import java.time.OffsetDateTime;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.UUID;

/**
 * One interaction as a client sent it, checked: the client's id (the idempotency key), who (exactly one of
 * customer id, anonymous id, external id), what, where, when, optionally where on which map, and details
 * ({@code properties}: a JSON object of scalars, kept as sent, since it is only passed on).
 */
public record InteractionInput(UUID id, Who who, String type, String channel, OffsetDateTime occurredAt,
                               UUID journeyId, String touchpointKey, ObjectNode properties) {

    /** Who interacted: exactly one of the three is set. */
    public record Who(UUID customerId, String anonymousId, ExternalId externalId) {
    }

    /** An id a customer has in another system, e.g. {@code {"system": "crm", "id": "C-1042"}}. */
    public record ExternalId(String system, String id) {

        public String key() {
            return system + ":" + id;
        }
    }
}
