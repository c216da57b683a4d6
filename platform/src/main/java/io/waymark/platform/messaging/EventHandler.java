package io.waymark.platform.messaging;

import io.smallrye.mutiny.Uni;
import io.waymark.contracts.EventType;

/**
 * Applies one event type to a service's state: one small CDI bean per type, found by the
 * {@link EventDispatcher}. {@link #handle} runs inside the transaction that also records the event in the
 * inbox, so it must only use the reactive session it finds (never start its own transaction). Throw
 * {@link InvalidEvent} for data that can never apply; any other failure is retried if transient.
 */
public interface EventHandler<T> {

    EventType type();

    Class<T> dataType();

    Uni<Void> handle(ReceivedEvent<T> event);
}
