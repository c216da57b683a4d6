package io.waymark.platform.messaging;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.waymark.contracts.CloudEvent;
import io.waymark.contracts.EventType;
import io.waymark.platform.inbox.Inbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.jboss.logging.Logger;

/**
 * The consumer runtime for volume: a channel consumed in batches ({@code mp.messaging.incoming.<channel>.batch=true},
 * an {@code @Incoming} method taking {@code ConsumerRecords<String, String>}) hands each poll here. Events are
 * parsed tolerantly (as {@link EventDispatcher} does), and those with a {@link BatchEventHandler} are applied in
 * <b>one transaction</b>, together with one bulk inbox insert: a redelivered event changes nothing, a crash
 * cannot apply half a batch. Consecutive events of one type go to their handler together, in stream order
 * (consecutive events of any of the types of one {@link MixedBatchHandler} go to it together).
 * <ul>
 * <li>A passing failure (see {@link RetryOnContext}) retries the whole batch; one that outlasts the budget fails
 * it, and the connector's failure strategy dead-letters the poll.</li>
 * <li>Any other failure (one event's data the database refuses, a handler's {@link InvalidEvent}) makes the
 * batch apply event by event, each in its own transaction, so only what can never apply is parked on the
 * dead-letter topic ({@link DeadLetters}) and the rest goes on.</li>
 * <li>Unreadable records and types without a batch handler are handled as {@link EventDispatcher} does:
 * parked, or acknowledged and counted as ignored.</li>
 * </ul>
 */
@ApplicationScoped
public class EventBatchDispatcher {

    private static final Logger LOG = Logger.getLogger(EventBatchDispatcher.class);

    /** What a batch transaction did: counts per type ({applied, duplicate}) and the events to apply one by one. */
    private record Outcome(Map<String, long[]> counts, List<ReceivedEvent<?>> oneByOne) {
    }

    private record Item<T>(ConsumerRecord<String, String> record, BatchEventHandler<T> handler, ReceivedEvent<T> event) {

        static <T> Item<T> of(ConsumerRecord<String, String> record, BatchEventHandler<T> handler, CloudEvent envelope) {
            return new Item<>(record, handler, EventDispatcher.typed(envelope, handler.dataType()));
        }

        /** Applies the run; the events to apply one by one afterwards. */
        Uni<List<ReceivedEvent<T>>> apply(List<Item<?>> run, SqlConnection tx) {
            List<ReceivedEvent<T>> events = new ArrayList<>(run.size());
            for (Item<?> item : run) {
                @SuppressWarnings("unchecked")
                ReceivedEvent<T> e = (ReceivedEvent<T>) item.event();
                events.add(e);
            }
            return handler.handleAll(events, tx).flatMap(v -> handler.oneByOne(events, tx));
        }
    }

    /** One type of a {@link MixedBatchHandler}: runs of its types are one run, applied by whichever part starts it. */
    private record MixedPart(MixedBatchHandler mixed, EventType type, Class<Object> dataType)
            implements BatchEventHandler<Object> {

        @Override
        public Uni<Void> handleAll(List<ReceivedEvent<Object>> events, SqlConnection tx) {
            return mixed.handleAll(new ArrayList<>(events), tx);
        }

        @Override
        public boolean deduplicatesItself() {
            return mixed.deduplicatesItself();
        }
    }

    /** What a run is made of: consecutive events whose handlers have the same owner. */
    private static Object owner(BatchEventHandler<?> handler) {
        return handler instanceof MixedPart part ? part.mixed() : handler;
    }

    private final Map<String, BatchEventHandler<?>> handlers = new HashMap<>();
    private final Pool pool;
    private final Inbox inbox;
    private final ConsumerConfig config;
    private final ConsumedEvents consumed;
    private final DeadLetters deadLetters;
    private final EventDispatcher singles;

    @Inject
    EventBatchDispatcher(@Any Instance<BatchEventHandler<?>> found, @Any Instance<MixedBatchHandler> mixed, Pool pool,
                         Inbox inbox, ConsumerConfig config, ConsumedEvents consumed, DeadLetters deadLetters,
                         EventDispatcher singles) {
        found.forEach(this::register);
        for (MixedBatchHandler m : mixed) {
            m.types().forEach((type, data) -> {
                @SuppressWarnings("unchecked")
                Class<Object> dataType = (Class<Object>) data;
                register(new MixedPart(m, type, dataType));
            });
        }
        this.pool = pool;
        this.inbox = inbox;
        this.config = config;
        this.consumed = consumed;
        this.deadLetters = deadLetters;
        this.singles = singles;
    }

    private void register(BatchEventHandler<?> handler) {
        BatchEventHandler<?> before = handlers.put(handler.type().type(), handler);
        if (before != null) {
            throw new IllegalStateException("two batch handlers for " + handler.type().type());
        }
    }

    /** Applies one poll of {@code channel} (also the inbox's consumer name). Call it on the message's Vert.x context. */
    public Uni<Void> dispatch(String channel, ConsumerRecords<String, String> records) {
        Context context = Vertx.currentContext();
        if (context == null) {
            return Uni.createFrom().failure(new IllegalStateException("dispatch must run on a Vert.x context"));
        }
        List<Item<?>> items = new ArrayList<>(records.count());
        List<Uni<Void>> parked = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            CloudEvent envelope;
            try {
                envelope = EventDispatcher.parse(record.value());
            } catch (InvalidEvent e) {
                parked.add(park(channel, record, "unreadable", e));
                continue;
            }
            BatchEventHandler<?> handler = handlers.get(envelope.type());
            if (handler == null) {
                consumed.count(channel, envelope.type(), "ignored");
                continue;
            }
            try {
                items.add(Item.of(record, handler, envelope));
            } catch (InvalidEvent e) {
                parked.add(park(channel, record, envelope.type(), e));
            }
        }
        Uni<Void> parking = parked.isEmpty() ? Uni.createFrom().voidItem() : Uni.join().all(parked).andFailFast().replaceWithVoid();
        return parking.flatMap(v -> items.isEmpty() ? Uni.createFrom().voidItem() : applyAll(channel, items, context));
    }

    private Uni<Void> applyAll(String channel, List<Item<?>> items, Context context) {
        return RetryOnContext.run(() -> pool.withTransaction(tx -> applyIn(tx, channel, items)), context, config, channel,
                        "a batch of " + items.size() + " events", n -> consumed.count(channel, "batch", "retried"))
                .onItemOrFailure().transformToUni((outcome, e) -> {
                    if (e == null) {
                        return afterCommit(channel, items, outcome, context);
                    }
                    if (RetryOnContext.isPassing(e)) {
                        return Uni.createFrom().failure(e);
                    }
                    LOG.warnf("%s: a batch of %d events failed (%s); applying them one by one", channel, items.size(),
                            e.getMessage());
                    return oneByOne(channel, items, context);
                });
    }

    /** Counts what the transaction applied, then applies the events handed on one by one, in order. */
    private Uni<Void> afterCommit(String channel, List<Item<?>> items, Outcome outcome, Context context) {
        count(channel, outcome.counts());
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (ReceivedEvent<?> event : outcome.oneByOne()) {
            Item<?> item = items.stream().filter(i -> i.event() == event).findFirst().orElseThrow();
            // an inbox key of its own: the batch's inbox rows already name these events for the channel
            chain = chain.flatMap(v -> singles.applyOne(channel + ":one-by-one", event, context)
                    .onFailure().recoverWithUni(e -> park(channel, item.record(), event.type(), e)));
        }
        return chain;
    }

    /** Inbox, then each run of one type in order. */
    private Uni<Outcome> applyIn(SqlConnection tx, String channel, List<Item<?>> items) {
        List<UUID> logged = items.stream().filter(i -> !i.handler().deduplicatesItself()).map(i -> i.event().id()).toList();
        return inbox.firstDeliveries(tx, logged, channel).flatMap(first -> {
            Map<String, long[]> outcomes = new HashMap<>();
            Set<UUID> taken = new HashSet<>();
            List<List<Item<?>>> runs = new ArrayList<>();
            for (Item<?> item : items) {
                long[] counts = outcomes.computeIfAbsent(item.event().type(), t -> new long[2]);
                boolean fresh = taken.add(item.event().id())
                        && (item.handler().deduplicatesItself() || first.contains(item.event().id()));
                counts[fresh ? 0 : 1]++;
                if (!fresh) {
                    continue;
                }
                List<Item<?>> last = runs.isEmpty() ? null : runs.get(runs.size() - 1);
                if (last != null && owner(last.get(0).handler()) == owner(item.handler())) {
                    last.add(item);
                } else {
                    runs.add(new ArrayList<>(List.of(item)));
                }
            }
            List<ReceivedEvent<?>> oneByOne = new ArrayList<>();
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (List<Item<?>> run : runs) {
                chain = chain.flatMap(v -> run.get(0).apply(run, tx)).invoke(oneByOne::addAll).replaceWithVoid();
            }
            return chain.replaceWith(() -> new Outcome(outcomes, oneByOne));
        });
    }

    private Uni<Void> oneByOne(String channel, List<Item<?>> items, Context context) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Item<?> item : items) {
            chain = chain.flatMap(v -> RetryOnContext.run(() -> pool.withTransaction(tx -> applyIn(tx, channel, List.of(item))),
                            context, config, channel, "event " + item.event().id() + " (" + item.event().type() + ")",
                            n -> consumed.count(channel, item.event().type(), "retried"))
                    .onItemOrFailure().transformToUni((outcome, e) -> e == null
                            ? afterCommit(channel, List.of(item), outcome, context)
                            : park(channel, item.record(), item.event().type(), e)));
        }
        return chain;
    }

    private void count(String channel, Map<String, long[]> outcomes) {
        outcomes.forEach((type, n) -> {
            consumed.count(channel, type, "applied", n[0]);
            consumed.count(channel, type, "duplicate", n[1]);
        });
    }

    private Uni<Void> park(String channel, ConsumerRecord<String, String> record, String type, Throwable cause) {
        consumed.count(channel, type, "dead_lettered");
        LOG.errorf("%s: a record of type %s goes to the dead-letter topic %s: %s", channel, type,
                deadLetters.topic(channel), cause.getMessage());
        return deadLetters.send(channel, record, cause);
    }
}
