package io.waymark.journey.domain.interactions;

import io.smallrye.mutiny.Uni;
import io.waymark.contracts.journey.InteractionRecorded;
import java.util.List;

/**
 * The durable log of interactions ({@code journey.interactions} on Kafka): what it acknowledges survives any
 * crash, and every service, this one's store included, reads interactions from it.
 */
public interface InteractionLog {

    /** One interaction to append, keyed by its customer (or anonymous) id. */
    record Entry(String key, InteractionRecorded interaction) {
    }

    /** Appends all; per entry in order, null once the log holds it durably, else why not. */
    Uni<List<Throwable>> append(List<Entry> entries);
}
