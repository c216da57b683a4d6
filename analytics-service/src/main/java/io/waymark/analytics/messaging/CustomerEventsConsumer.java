package io.waymark.analytics.messaging;

import io.smallrye.mutiny.Uni;
import io.waymark.platform.messaging.EventDispatcher;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** customer.events into the platform's consumer runtime; the handlers in this package apply each type. */
@ApplicationScoped
public class CustomerEventsConsumer {

    static final String CHANNEL = "customer-events";

    private final EventDispatcher dispatcher;

    CustomerEventsConsumer(EventDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(String payload) {
        return dispatcher.dispatch(CHANNEL, payload);
    }
}
