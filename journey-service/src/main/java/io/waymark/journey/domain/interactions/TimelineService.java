package io.waymark.journey.domain.interactions;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.waymark.contracts.journey.InteractionRecorded.Placement;
import io.waymark.journey.domain.map.JourneyDocument;
import io.waymark.journey.domain.map.Stage;
import io.waymark.journey.domain.map.Touchpoint;
import io.waymark.journey.persistence.CustomerIdentityRepository;
import io.waymark.journey.persistence.InteractionRepository;
import io.waymark.journey.persistence.PublishedMapsQuery;
import io.waymark.platform.domain.Gone;
import io.waymark.platform.domain.Moved;
import io.waymark.platform.paging.Page;
import io.waymark.platform.paging.TimePageQuery;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A customer's interactions, newest first, with the names of the journeys, stages and touchpoints they lie on.
 * Names come from the published versions, which never change, so they are kept once read.
 */
@ApplicationScoped
public class TimelineService {

    /** A placement with the names a person reads. */
    public record NamedPlacement(UUID journeyId, String journeyName, int journeyVersion, String stageKey,
                                 String stageName, String touchpointKey, String touchpointName, String lifecycleStage) {
    }

    /** An interaction of the timeline with its named placements. */
    public record Entry(TimelineEntry interaction, List<NamedPlacement> placements) {
    }

    private record VersionKey(UUID journeyId, int version) {
    }

    private final InteractionRepository interactions;
    private final CustomerIdentityRepository identities;
    private final PublishedMapsQuery versions;
    private final Map<VersionKey, Optional<JourneyDocument>> documents = new ConcurrentHashMap<>();

    TimelineService(InteractionRepository interactions, CustomerIdentityRepository identities, PublishedMapsQuery versions) {
        this.interactions = interactions;
        this.identities = identities;
        this.versions = versions;
    }

    public Uni<Page<Entry>> timeline(UUID customerId, TimePageQuery page) {
        return identities.standing(customerId).flatMap(standing -> {
            if (standing.erased()) {
                throw new Gone("customer " + customerId + " was erased; their interactions are deleted");
            }
            if (standing.mergedInto().isPresent()) {
                throw new Moved("customer", customerId, standing.mergedInto().get());
            }
            return interactions.timeline(customerId, page.before(), page.fetchSize());
        }).flatMap(found -> named(found).map(entries -> Page.ofTimes(entries, page, e -> e.interaction().key())));
    }

    private Uni<List<Entry>> named(List<TimelineEntry> found) {
        Set<VersionKey> needed = new HashSet<>();
        found.forEach(e -> e.placements().forEach(p -> needed.add(new VersionKey(p.journeyId(), p.journeyVersion()))));
        needed.removeAll(documents.keySet());
        Uni<Void> load = needed.isEmpty() ? Uni.createFrom().voidItem()
                : Multi.createFrom().iterable(needed).onItem()
                        .transformToUniAndConcatenate(k -> versions.version(k.journeyId(), k.version())
                                .invoke(doc -> documents.put(k, doc)))
                        .collect().last().replaceWithVoid();
        return load.map(v -> found.stream().map(e -> new Entry(e, e.placements().stream().map(this::named).toList()))
                .toList());
    }

    private NamedPlacement named(Placement p) {
        Optional<JourneyDocument> doc = documents.getOrDefault(new VersionKey(p.journeyId(), p.journeyVersion()),
                Optional.empty());
        String journeyName = doc.map(JourneyDocument::name).orElse(null);
        String stageName = null;
        String touchpointName = null;
        for (Stage stage : doc.map(JourneyDocument::stages).orElse(List.of())) {
            if (stage.key().equals(p.stageKey())) {
                stageName = stage.name();
                touchpointName = stage.touchpoints().stream().filter(t -> t.key().equals(p.touchpointKey()))
                        .map(Touchpoint::name).findFirst().orElse(null);
            }
        }
        return new NamedPlacement(p.journeyId(), journeyName, p.journeyVersion(), p.stageKey(), stageName,
                p.touchpointKey(), touchpointName, p.lifecycleStage() == null ? null : p.lifecycleStage().name());
    }
}
