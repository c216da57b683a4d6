package io.waymark.feedback.domain.journeys;

import io.smallrye.mutiny.Uni;
import io.waymark.contracts.journey.JourneyPublished;
import io.waymark.feedback.persistence.TouchpointOwnerRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Which team owns each touchpoint, as the latest published version of each journey map says (journey.published):
 * a case about a touchpoint goes to its owner. Touchpoints without an owner are not kept (the survey's team
 * takes their cases).
 */
@ApplicationScoped
public class TouchpointOwners {

    private final TouchpointOwnerRepository owners;

    TouchpointOwners(TouchpointOwnerRepository owners) {
        this.owners = owners;
    }

    /** Applies a published version unless a newer one is known; inside the consumer's transaction. */
    public Uni<Boolean> published(JourneyPublished journey) {
        Map<String, String> ownerByTouchpoint = new LinkedHashMap<>();
        if (journey.stages() != null) {
            journey.stages().stream().filter(s -> s != null && s.touchpoints() != null)
                    .flatMap(s -> s.touchpoints().stream())
                    .filter(t -> t != null && t.key() != null && t.ownerTeam() != null && !t.ownerTeam().isBlank())
                    .forEach(t -> ownerByTouchpoint.putIfAbsent(t.key(), t.ownerTeam()));
        }
        return owners.replace(journey.journeyId(), journey.version(), ownerByTouchpoint);
    }

    public Uni<Optional<String>> ownerOf(UUID journeyId, String touchpointKey) {
        if (journeyId == null || touchpointKey == null) {
            return Uni.createFrom().item(Optional.empty());
        }
        return owners.ownerOf(journeyId, touchpointKey);
    }
}
