package io.waymark.journey.domain;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.waymark.contracts.Topics;
import io.waymark.contracts.journey.JourneyPublished;
import io.waymark.contracts.journey.JourneyPublished.PublishedStage;
import io.waymark.contracts.journey.JourneyPublished.PublishedTouchpoint;
import io.waymark.journey.domain.map.JourneyDocument;
import io.waymark.journey.domain.map.Touchpoint;
import io.waymark.journey.persistence.JourneyVersionRepository;
import io.waymark.platform.domain.Caller;
import io.waymark.platform.domain.Conflict;
import io.waymark.platform.domain.Timestamps;
import io.waymark.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Publishing freezes the draft as the next version (1, 2, ...) and announces the whole version with
 * {@code journey.published}, in one transaction. Editing goes on in the draft.
 */
@ApplicationScoped
public class JourneyPublishing {

    private final JourneyService journeys;
    private final JourneyVersionRepository versions;
    private final Outbox outbox;

    JourneyPublishing(JourneyService journeys, JourneyVersionRepository versions, Outbox outbox) {
        this.journeys = journeys;
        this.versions = versions;
        this.outbox = outbox;
    }

    @WithTransaction
    public Uni<JourneyVersion> publish(UUID id, Caller editor) {
        return journeys.get(id).flatMap(map -> {
            Editor.mayChangeMapsOf(editor, map.ownerTeam);
            if (JourneyMap.ARCHIVED.equals(map.status)) {
                return Uni.createFrom().failure(new Conflict("journey " + id + " is archived"));
            }
            if (!map.unpublished) {
                return Uni.createFrom().failure(new Conflict("the draft of journey " + id + " equals version "
                        + map.latestVersion + "; nothing to publish"));
            }
            OffsetDateTime now = Timestamps.now();
            JourneyVersion version = new JourneyVersion();
            version.key = new JourneyVersion.Key(id, map.latestVersion + 1);
            version.document = map.draft;
            version.publishedAt = now;
            version.publishedBy = editor.user();
            map.latestVersion = version.key.version();
            map.unpublished = false;
            map.status = JourneyMap.PUBLISHED;
            map.updatedAt = now;
            return versions.persist(version)
                    .call(saved -> outbox.record(Topics.JOURNEY_MAPS, JourneyPublished.TYPE, id, saved.key.version(),
                            event(id, saved.key.version(), now, saved.document)));
        });
    }

    static JourneyPublished event(UUID id, int version, OffsetDateTime at, JourneyDocument d) {
        var p = d.persona();
        return new JourneyPublished(id, version, at, d.name(), d.description(), d.ownerTeam(),
                p == null ? null : new JourneyPublished.Persona(p.name(), p.description(), p.goals(), p.frustrations(), p.quote()),
                d.stages().stream().map(s -> new PublishedStage(s.key(), s.name(), s.lifecycleStage(), s.description(),
                        s.touchpoints().stream().map(JourneyPublishing::touchpoint).toList())).toList());
    }

    private static PublishedTouchpoint touchpoint(Touchpoint t) {
        return new PublishedTouchpoint(t.key(), t.name(), t.channel(), t.ownerTeam(), t.action(), t.goal(),
                t.emotion() == null ? 0 : t.emotion(), t.expectedDuration(),
                t.painPoints().stream().map(pp -> new JourneyPublished.PainPoint(pp.text(), pp.severity())).toList(),
                t.opportunities().stream().map(o -> new JourneyPublished.Opportunity(o.text(), o.ownerTeam(), o.status())).toList(),
                t.interactionTypes());
    }
}
