package io.waymark.analytics.messaging;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.waymark.analytics.domain.model.InteractionModel;
import io.waymark.analytics.persistence.JourneyVersions;
import io.waymark.contracts.EventType;
import io.waymark.contracts.journey.InteractionRecorded;
import io.waymark.contracts.journey.JourneyPublished;
import io.waymark.platform.messaging.BatchEventHandler;
import io.waymark.platform.messaging.InteractionBatchHandler;
import io.waymark.platform.messaging.InvalidEvent;
import io.waymark.platform.messaging.ReceivedEvent;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** journey.maps and journey.interactions into the read models. */
final class StreamHandlers {

    private StreamHandlers() {
    }

    /** A published map version, kept for its touchpoints' order, names, designed emotions and durations. */
    @ApplicationScoped
    static class Published implements BatchEventHandler<JourneyPublished> {

        private final JourneyVersions versions;
        private final InteractionModel interactions;

        Published(JourneyVersions versions, InteractionModel interactions) {
            this.versions = versions;
            this.interactions = interactions;
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
        public boolean deduplicatesItself() {
            return true;
        }

        @Override
        public Uni<Void> handleAll(List<ReceivedEvent<JourneyPublished>> events, SqlConnection tx) {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (ReceivedEvent<JourneyPublished> e : events) {
                JourneyPublished v = e.data();
                if (v.journeyId() == null || v.version() < 1 || v.publishedAt() == null) {
                    throw new InvalidEvent("journey.published " + e.id() + " needs journeyId, version and publishedAt");
                }
                chain = chain.flatMap(x -> versions.save(tx, v)).flatMap(x -> interactions.countUnordered(tx, v.journeyId()));
            }
            return chain;
        }
    }

    /** The interaction stream: facts per subject change only when new, so no inbox is needed. */
    @ApplicationScoped
    static class Interactions extends InteractionBatchHandler {

        private final InteractionModel interactions;

        Interactions(InteractionModel interactions) {
            this.interactions = interactions;
        }

        @Override
        protected Uni<Void> applyAll(List<ReceivedEvent<InteractionRecorded>> events, SqlConnection tx) {
            return interactions.apply(tx, events.stream().map(ReceivedEvent::data).toList());
        }
    }
}
