package io.waymark.journey.api;

import io.waymark.journey.domain.JourneyMap;
import io.waymark.journey.domain.JourneyVersion;
import io.waymark.journey.domain.map.JourneyDocument;
import java.time.OffsetDateTime;
import java.util.UUID;

/** What the journey API answers. */
final class JourneyViews {

    private JourneyViews() {
    }

    /** A map: where it stands, and its draft document. */
    record JourneyView(UUID id, String name, String ownerTeam, String status, int latestVersion,
                       boolean unpublishedChanges, String createdBy, OffsetDateTime createdAt,
                       OffsetDateTime updatedAt, JourneyDocument document) {

        static JourneyView of(JourneyMap m) {
            return new JourneyView(m.id, m.name, m.ownerTeam, m.status, m.latestVersion, m.unpublished, m.createdBy,
                    m.createdAt, m.updatedAt, m.draft);
        }
    }

    /** A list entry: the map without its document. */
    record JourneySummary(UUID id, String name, String ownerTeam, String status, int latestVersion,
                          boolean unpublishedChanges, OffsetDateTime updatedAt) {

        static JourneySummary of(JourneyMap m) {
            return new JourneySummary(m.id, m.name, m.ownerTeam, m.status, m.latestVersion, m.unpublished, m.updatedAt);
        }
    }

    record VersionSummary(int version, String name, OffsetDateTime publishedAt, String publishedBy) {

        static VersionSummary of(JourneyVersion v) {
            return new VersionSummary(v.key.version(), v.document.name(), v.publishedAt, v.publishedBy);
        }
    }
}
