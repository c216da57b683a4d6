package io.waymark.customer.messaging;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.waymark.contracts.journey.InteractionRecorded;
import io.waymark.customer.domain.rules.RuleApplier;
import io.waymark.platform.messaging.EventBatchDispatcher;
import io.waymark.platform.messaging.InteractionBatchHandler;
import io.waymark.platform.messaging.ReceivedEvent;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * journey.interactions, the high-volume stream, in batches: every customer's {@code lastSeenAt} moves in one
 * statement per poll (moving it forward only, it needs no inbox), and only the few interactions an enabled
 * rule concerns go on, one by one, to {@link InteractionRecordedHandler} (with their inbox rows).
 */
@ApplicationScoped
public class InteractionsConsumer extends InteractionBatchHandler {

    static final String CHANNEL = "journey-interactions";

    private final EventBatchDispatcher dispatcher;
    private final RuleApplier rules;

    InteractionsConsumer(EventBatchDispatcher dispatcher, RuleApplier rules) {
        this.dispatcher = dispatcher;
        this.rules = rules;
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(ConsumerRecords<String, String> records) {
        return dispatcher.dispatch(CHANNEL, records);
    }

    @Override
    protected Uni<Void> applyAll(List<ReceivedEvent<InteractionRecorded>> events, SqlConnection tx) {
        return rules.seenAll(tx, events.stream().map(ReceivedEvent::data).toList());
    }

    @Override
    public Uni<List<ReceivedEvent<InteractionRecorded>>> oneByOne(List<ReceivedEvent<InteractionRecorded>> events,
                                                                  SqlConnection tx) {
        return rules.concerningRules(tx, events, e -> e.data().type());
    }
}
