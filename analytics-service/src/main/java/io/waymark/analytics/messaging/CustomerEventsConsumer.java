package io.waymark.analytics.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.waymark.analytics.persistence.StageProjection;
import io.waymark.contracts.CloudEvent;
import io.waymark.contracts.customer.CustomerCreated;
import io.waymark.platform.inbox.Inbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Applies customer-service's events to the stage read model. The inbox row and the projection change
 * commit together, so a redelivered event is skipped; an event that cannot be read fails, and the
 * connector moves it to the dead-letter topic instead of blocking the partition.
 */
@ApplicationScoped
public class CustomerEventsConsumer {

    static final String CONSUMER = "analytics.customer-stages";
    private static final Logger LOG = Logger.getLogger(CustomerEventsConsumer.class);

    @Inject
    ObjectMapper mapper;

    @Inject
    Inbox inbox;

    @Inject
    StageProjection stages;

    @Incoming("customer-events")
    public Uni<Void> consume(String payload) {
        CloudEvent event;
        try {
            event = mapper.readValue(payload, CloudEvent.class);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(new IllegalArgumentException("not a CloudEvent: " + e.getOriginalMessage()));
        }
        if (event.id() == null || event.type() == null) {
            return Uni.createFrom().failure(new IllegalArgumentException("a CloudEvent needs an id and a type"));
        }
        return Panache.withTransaction(() -> inbox.firstDelivery(event.id(), CONSUMER)
                .flatMap(first -> first ? apply(event) : skip(event)));
    }

    private Uni<Void> apply(CloudEvent event) {
        if (CustomerCreated.TYPE.type().equals(event.type())) {
            CustomerCreated created = mapper.convertValue(event.data(), CustomerCreated.class);
            return stages.customerCreated(created.customerId(), created.stage(), created.createdAt());
        }
        // a type this version does not use yet: remembered in the inbox, nothing else to do
        return Uni.createFrom().voidItem();
    }

    private static Uni<Void> skip(CloudEvent event) {
        LOG.debugf("event %s (%s) was applied before; skipped", event.id(), event.type());
        return Uni.createFrom().voidItem();
    }
}
