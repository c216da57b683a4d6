package io.waymark.contracts.journey;

import io.waymark.contracts.EventType;
import io.waymark.contracts.LifecycleStage;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A journey map version was published; on {@code journey.maps}, keyed by journey id. Carries the whole
 * version, so analytics and feedback keep their own copies (touchpoints by key, and the interaction types
 * that place recorded interactions on them). A version never changes once published.
 */
public record JourneyPublished(UUID journeyId, int version, OffsetDateTime publishedAt, String name,
                               String ownerTeam, List<PublishedStage> stages) {

    public static final EventType TYPE = new EventType("journey.published", 1);

    public record PublishedStage(String key, String name, LifecycleStage lifecycleStage,
                                 List<PublishedTouchpoint> touchpoints) {
    }

    /** A touchpoint as designed: its channel, owner, designed emotion (-2..2) and what marks a visit. */
    public record PublishedTouchpoint(String key, String name, String channel, String ownerTeam, int emotion,
                                      List<String> interactionTypes, int painPoints, int opportunities) {
    }
}
