package io.waymark.contracts.journey;

import io.waymark.contracts.EventType;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/**
 * One interaction of a customer (or of a visitor not yet identified) with the business, at a touchpoint on
 * a channel; published on {@code journey.interactions} by journey-service, keyed by customer (or anonymous) id.
 *
 * @param customerId  the customer, when known
 * @param anonymousId the browser or device id, when the customer is not known yet (see customer.merged)
 * @param type        what happened, in the business's words: {@code page_view}, {@code purchase},
 *                    {@code onboarding_completed}, {@code support_ticket}, ...
 * @param properties  free-form details of the interaction (amount, plan, ...); never personal data
 */
public record InteractionRecorded(UUID interactionId, UUID customerId, String anonymousId, String type,
                                  String channel, String touchpoint, UUID journeyId, OffsetDateTime occurredAt,
                                  Map<String, Object> properties) {

    public static final EventType TYPE = new EventType("journey.interaction-recorded", 1);
}
