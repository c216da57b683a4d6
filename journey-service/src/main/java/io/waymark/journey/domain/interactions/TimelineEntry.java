package io.waymark.journey.domain.interactions;

import io.waymark.contracts.journey.InteractionRecorded.Placement;
import io.waymark.platform.paging.TimeKey;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** One stored interaction of a customer, as the timeline shows it. */
public record TimelineEntry(UUID id, String type, String channel, OffsetDateTime occurredAt,
                           Map<String, Object> properties, List<Placement> placements) {

    public TimeKey key() {
        return new TimeKey(occurredAt, id);
    }
}
