package io.waymark.platform.messaging;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.waymark.contracts.EventType;
import java.util.List;

/**
 * Applies many events of one type at once, for streams whose volume rules out a transaction per event (the
 * interaction stream). Found by the {@link EventBatchDispatcher}, which hands it the first deliveries of a
 * Kafka poll in stream order, inside one transaction on {@code tx} that also records them in the inbox. It
 * must only use {@code tx} (bulk SQL: {@code unnest} over arrays, {@code on conflict}), and throw
 * {@link InvalidEvent} for data that can never apply; any other failure is retried if transient.
 */
public interface BatchEventHandler<T> {

    EventType type();

    Class<T> dataType();

    Uni<Void> handleAll(List<ReceivedEvent<T>> events, SqlConnection tx);

    /**
     * Events of this batch that must also go, after the batch committed, through the {@link EventHandler} of
     * their type, one by one, each with its inbox row (consumer {@code <channel>:one-by-one}): work too rich for
     * bulk SQL, such as lifecycle rules on the few interactions a rule concerns. Runs in the batch's transaction;
     * none by default.
     */
    default Uni<List<ReceivedEvent<T>>> oneByOne(List<ReceivedEvent<T>> events, SqlConnection tx) {
        return Uni.createFrom().item(List.of());
    }

    /**
     * True when applying an event twice changes nothing by itself (an insert keyed by the event's own id,
     * {@code on conflict do nothing}): then no inbox rows are written for it, which halves the writes. The
     * handler then sees redeliveries too.
     */
    default boolean deduplicatesItself() {
        return false;
    }
}
