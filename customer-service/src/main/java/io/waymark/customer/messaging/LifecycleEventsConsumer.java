package io.waymark.customer.messaging;

import io.smallrye.mutiny.Uni;
import io.waymark.platform.messaging.EventDispatcher;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The streams the lifecycle rules listen to, into the platform's consumer runtime: one channel each, so each
 * keeps its own order per customer and its own inbox; the handlers in this package apply each type. The
 * interaction stream is consumed in batches ({@link InteractionsConsumer}).
 */
@ApplicationScoped
public class LifecycleEventsConsumer {

    static final String FEEDBACK = "feedback-events";
    static final String OWN_CUSTOMER_EVENTS = "customer-events";

    private final EventDispatcher dispatcher;

    LifecycleEventsConsumer(EventDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Incoming(FEEDBACK)
    public Uni<Void> feedback(String payload) {
        return dispatcher.dispatch(FEEDBACK, payload);
    }

    @Incoming(OWN_CUSTOMER_EVENTS)
    public Uni<Void> customerEvents(String payload) {
        return dispatcher.dispatch(OWN_CUSTOMER_EVENTS, payload);
    }
}
