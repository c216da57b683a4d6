package io.waymark.journey.domain.interactions;

import io.smallrye.mutiny.Uni;
import io.waymark.contracts.journey.InteractionRecorded.Placement;
import java.util.List;
import java.util.UUID;

/**
 * The durable log of interactions ({@code journey.interactions} on Kafka, as {@code interaction.recorded}): what it acknowledges survives any
 * crash, and every service, this one's store included, reads interactions from it.
 */
public interface InteractionLog {

    /**
     * One interaction to append, keyed by its customer (or anonymous) id: what {@code interaction.recorded}
     * says, with the properties as the client sent them.
     */
    record Entry(String key, InteractionInput input, UUID customerId, List<Placement> placements) {
    }

    /** Appends all; per entry in order, null once the log holds it durably, else why not. */
    Uni<List<Throwable>> append(List<Entry> entries);
}
