package io.waymark.journey.messaging;

import io.smallrye.mutiny.Uni;
import io.waymark.platform.messaging.EventBatchDispatcher;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** customer.events: merges and erasures change whose interactions are whose (handlers in this package). */
@ApplicationScoped
public class CustomerEventsConsumer {

    static final String CHANNEL = "customer-events";

    private final EventBatchDispatcher dispatcher;

    CustomerEventsConsumer(EventBatchDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(ConsumerRecords<String, String> records) {
        return dispatcher.dispatch(CHANNEL, records);
    }
}
