package io.waymark.platform.messaging;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.waymark.contracts.EventType;
import io.waymark.contracts.journey.InteractionRecorded;
import java.util.List;

/**
 * A batch consumer of the interaction stream (journey.interactions, the high-volume one): its writes are keyed
 * by the interaction or are idempotent, so it keeps no inbox rows; an event that does not say who, what, how and
 * when is dead-lettered before any of the batch is applied.
 */
public abstract class InteractionBatchHandler implements BatchEventHandler<InteractionRecorded> {

    @Override
    public EventType type() {
        return InteractionRecorded.TYPE;
    }

    @Override
    public Class<InteractionRecorded> dataType() {
        return InteractionRecorded.class;
    }

    @Override
    public boolean deduplicatesItself() {
        return true;
    }

    @Override
    public Uni<Void> handleAll(List<ReceivedEvent<InteractionRecorded>> events, SqlConnection tx) {
        events.forEach(InteractionEvents::requireComplete);
        return applyAll(events, tx);
    }

    /** Applies a batch of complete interactions in the batch's transaction. */
    protected abstract Uni<Void> applyAll(List<ReceivedEvent<InteractionRecorded>> events, SqlConnection tx);
}
