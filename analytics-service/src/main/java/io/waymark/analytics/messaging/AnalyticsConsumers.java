package io.waymark.analytics.messaging;

import io.smallrye.mutiny.Uni;
import io.waymark.platform.messaging.EventBatchDispatcher;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The streams analytics reads, into the platform's batch consumer runtime; the handlers in this package apply
 * each type to the read models.
 */
@ApplicationScoped
public class AnalyticsConsumers {

    static final String CUSTOMERS = "customer-events";
    static final String MAPS = "journey-maps";
    static final String INTERACTIONS = "journey-interactions";
    static final String FEEDBACK = "feedback-events";

    private final EventBatchDispatcher dispatcher;

    AnalyticsConsumers(EventBatchDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Incoming(CUSTOMERS)
    public Uni<Void> customers(ConsumerRecords<String, String> records) {
        return dispatcher.dispatch(CUSTOMERS, records);
    }

    @Incoming(MAPS)
    public Uni<Void> maps(ConsumerRecords<String, String> records) {
        return dispatcher.dispatch(MAPS, records);
    }

    @Incoming(INTERACTIONS)
    public Uni<Void> interactions(ConsumerRecords<String, String> records) {
        return dispatcher.dispatch(INTERACTIONS, records);
    }

    @Incoming(FEEDBACK)
    public Uni<Void> feedback(ConsumerRecords<String, String> records) {
        return dispatcher.dispatch(FEEDBACK, records);
    }
}
