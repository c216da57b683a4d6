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
import java.time.Duration;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Applies customer-service's events to the stage read model. The inbox row and the projection change
 * commit together, so a redelivered event is skipped. An event that cannot be read fails with an
 * {@link IllegalArgumentException}, and the connector moves it to the dead-letter topic instead of blocking
 * the partition. Any other failure (the database is down, say) is retried with back-off and holds the
 * partition meanwhile, so good events are neither dead-lettered nor applied out of order.
 */
@ApplicationScoped
public class CustomerEventsConsumer {

    static final String CONSUMER = "analytics.customer-stages";
    private static final Logger LOG = Logger.getLogger(CustomerEventsConsumer.class);
    private static final Duration RETRY_FIRST = Duration.ofMillis(500);
    private static final Duration RETRY_MAX = Duration.ofSeconds(30);

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
                        .flatMap(first -> first ? apply(event) : skip(event)))
                .onFailure(CustomerEventsConsumer::transientFailure)
                .invoke(e -> LOG.warnf("event %s not applied yet (%s); retrying", event.id(), e.getMessage()))
                .onFailure(CustomerEventsConsumer::transientFailure)
                .retry().withBackOff(RETRY_FIRST, RETRY_MAX).indefinitely();
    }

    /** Unreadable data will never apply; everything else may once the cause (database, network) is back. */
    static boolean transientFailure(Throwable e) {
        return !(e instanceof IllegalArgumentException);
    }

    private Uni<Void> apply(CloudEvent event) {
        if (CustomerCreated.TYPE.type().equals(event.type())) {
            CustomerCreated created = mapper.convertValue(event.data(), CustomerCreated.class);
            OffsetDateTime at = created.createdAt() != null ? created.createdAt() : event.time();
            if (created.customerId() == null || created.stage() == null || at == null) {
                return Uni.createFrom().failure(new IllegalArgumentException("customer.created needs customerId, stage and a time"));
            }
            return stages.customerCreated(created.customerId(), created.stage(), at);
        }
        // a type this version does not use yet: remembered in the inbox, nothing else to do
        return Uni.createFrom().voidItem();
    }

    private static Uni<Void> skip(CloudEvent event) {
        LOG.debugf("event %s (%s) was applied before; skipped", event.id(), event.type());
        return Uni.createFrom().voidItem();
    }
}
