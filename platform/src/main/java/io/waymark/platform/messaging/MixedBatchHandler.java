package io.waymark.platform.messaging;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.waymark.contracts.EventType;
import java.util.List;
import java.util.Map;

/**
 * A {@link BatchEventHandler} for a stream whose types interleave (a customer's {@code customer.created}, then its
 * {@code customer.stage-changed}, then the next customer's ...): the {@link EventBatchDispatcher} hands it every
 * run of consecutive events of any of its types at once, in stream order, instead of cutting a poll into runs of
 * one type that are often a single event long. The same contract as a batch handler otherwise.
 */
public interface MixedBatchHandler {

    /** The types it applies, each with the record its data is read into. */
    Map<EventType, Class<?>> types();

    /** Events of its types in stream order; an event's {@code data()} is of the class {@link #types()} names. */
    Uni<Void> handleAll(List<ReceivedEvent<?>> events, SqlConnection tx);

    /** As {@link BatchEventHandler#deduplicatesItself()}, for all its types. */
    default boolean deduplicatesItself() {
        return false;
    }
}
