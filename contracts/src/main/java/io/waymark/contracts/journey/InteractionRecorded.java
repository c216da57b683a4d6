package io.waymark.contracts.journey;

import io.waymark.contracts.EventType;
import io.waymark.contracts.LifecycleStage;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One interaction of a customer (or of a visitor not yet identified) with the business; published on
 * {@code journey.interactions} by journey-service, keyed by customer id (or anonymous id until known).
 *
 * @param customerId  the customer, when known
 * @param anonymousId the browser or device id, when the customer is not known yet (see customer.merged)
 * @param type        what happened, in the business's words: {@code page_view}, {@code purchase},
 *                    {@code onboarding_completed}, {@code support_call}, ...
 * @param properties  free-form details of the interaction (amount, plan, ...); never personal data
 * @param placements  where the interaction lies on published journey maps (several maps may match; none: unplaced)
 */
public record InteractionRecorded(UUID interactionId, UUID customerId, String anonymousId, String type,
                                  String channel, OffsetDateTime occurredAt, Map<String, Object> properties,
                                  List<Placement> placements) {

    public static final EventType TYPE = new EventType("interaction.recorded", 1);

    /** A touchpoint of a published journey map version that the interaction reached. */
    public record Placement(UUID journeyId, int journeyVersion, String stageKey, String touchpointKey,
                            LifecycleStage lifecycleStage) {
    }
}
