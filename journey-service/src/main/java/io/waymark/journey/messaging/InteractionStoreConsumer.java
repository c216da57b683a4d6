package io.waymark.journey.messaging;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.waymark.contracts.journey.InteractionRecorded;
import io.waymark.journey.domain.interactions.InteractionStore;
import io.waymark.platform.messaging.EventBatchDispatcher;
import io.waymark.platform.messaging.InteractionBatchHandler;
import io.waymark.platform.messaging.ReceivedEvent;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads the interaction log back in batches and stores it: this service's own copy, for the timeline. Storing
 * is keyed by the interaction id, so it needs no inbox rows; the offsets are committed only after the
 * batch's transaction, so nothing the log holds is lost and nothing is stored twice.
 */
@ApplicationScoped
public class InteractionStoreConsumer extends InteractionBatchHandler {

    static final String CHANNEL = "interactions-store";

    private final EventBatchDispatcher dispatcher;
    private final InteractionStore store;

    InteractionStoreConsumer(EventBatchDispatcher dispatcher, InteractionStore store) {
        this.dispatcher = dispatcher;
        this.store = store;
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(ConsumerRecords<String, String> records) {
        return dispatcher.dispatch(CHANNEL, records);
    }

    @Override
    protected Uni<Void> applyAll(List<ReceivedEvent<InteractionRecorded>> events, SqlConnection tx) {
        return store.storeAll(tx, events).replaceWithVoid();
    }
}
