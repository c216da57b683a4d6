package io.waymark.feedback.messaging;

import io.smallrye.mutiny.Uni;
import io.waymark.platform.messaging.EventDispatcher;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * What feedback-service learns from others, into the platform's consumer runtime: customer facts (consent,
 * stage, merges, erasure) from customer.events and touchpoint owners from journey.maps. One channel each, with
 * its own order and inbox; the handlers in this package apply each type.
 */
@ApplicationScoped
public class FeedbackInputsConsumer {

    static final String CUSTOMER_EVENTS = "customer-events";
    static final String JOURNEY_MAPS = "journey-maps";

    private final EventDispatcher dispatcher;

    FeedbackInputsConsumer(EventDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Incoming(CUSTOMER_EVENTS)
    public Uni<Void> customerEvents(String payload) {
        return dispatcher.dispatch(CUSTOMER_EVENTS, payload);
    }

    @Incoming(JOURNEY_MAPS)
    public Uni<Void> journeyMaps(String payload) {
        return dispatcher.dispatch(JOURNEY_MAPS, payload);
    }
}
