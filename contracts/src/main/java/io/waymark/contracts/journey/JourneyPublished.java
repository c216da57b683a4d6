package io.waymark.contracts.journey;

import io.waymark.contracts.EventType;
import io.waymark.contracts.LifecycleStage;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A journey map version was published; on {@code journey.maps}, keyed by journey id. Carries the whole
 * version (the map document as published), so analytics and feedback keep their own copies: touchpoints by
 * key, their designed emotion, and the interaction types that place recorded interactions on them. A version
 * never changes once published.
 */
public record JourneyPublished(UUID journeyId, int version, OffsetDateTime publishedAt, String name,
                               String description, String ownerTeam, Persona persona, List<PublishedStage> stages) {

    public static final EventType TYPE = new EventType("journey.published", 1);

    public record Persona(String name, String description, List<String> goals, List<String> frustrations,
                          String quote) {
    }

    public record PublishedStage(String key, String name, LifecycleStage lifecycleStage, String description,
                                 List<PublishedTouchpoint> touchpoints) {
    }

    /** A touchpoint as designed: channel, owner, the customer's action and goal, emotion (-2..2), and more. */
    public record PublishedTouchpoint(String key, String name, String channel, String ownerTeam, String action,
                                      String goal, int emotion, String expectedDuration, List<PainPoint> painPoints,
                                      List<Opportunity> opportunities, List<String> interactionTypes) {
    }

    public record PainPoint(String text, int severity) {
    }

    public record Opportunity(String text, String ownerTeam, String status) {
    }
}
