package io.waymark.feedback.messaging;

import io.smallrye.mutiny.Uni;
import io.waymark.contracts.EventType;
import io.waymark.contracts.journey.JourneyPublished;
import io.waymark.feedback.domain.journeys.TouchpointOwners;
import io.waymark.platform.messaging.EventHandler;
import io.waymark.platform.messaging.InvalidEvent;
import io.waymark.platform.messaging.ReceivedEvent;
import jakarta.enterprise.context.ApplicationScoped;

/** A published journey map version: its touchpoints' owners receive the cases about those touchpoints. */
@ApplicationScoped
public class JourneyPublishedHandler implements EventHandler<JourneyPublished> {

    private final TouchpointOwners owners;

    JourneyPublishedHandler(TouchpointOwners owners) {
        this.owners = owners;
    }

    @Override
    public EventType type() {
        return JourneyPublished.TYPE;
    }

    @Override
    public Class<JourneyPublished> dataType() {
        return JourneyPublished.class;
    }

    @Override
    public Uni<Void> handle(ReceivedEvent<JourneyPublished> event) {
        JourneyPublished journey = event.data();
        if (journey.journeyId() == null || journey.version() < 1) {
            throw new InvalidEvent("journey.published " + event.id() + " needs journeyId and a version");
        }
        return owners.published(journey).replaceWithVoid();
    }
}
