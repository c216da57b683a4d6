package io.waymark.platform.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.waymark.contracts.CloudEvent;
import io.waymark.platform.events.EventJson;
import io.waymark.platform.inbox.Inbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * The one event-consumer runtime. A service's {@code @Incoming} method hands each record's value to
 * {@link #dispatch}, which parses the CloudEvent with the tolerant {@link EventJson} mapper, finds the
 * {@link EventHandler} for its type, and applies it in one transaction together with the inbox row, so a
 * redelivered event changes nothing.
 * <ul>
 * <li>A type no handler knows is acknowledged and counted, and not recorded in the inbox: a handler added
 * later can still apply it on a replay.</li>
 * <li>A transient database failure (by SQLSTATE, or a lost connection) or a lost optimistic-lock race is
 * retried with back-off, in a new transaction on the message's own Vert.x context (Hibernate Reactive
 * sessions are bound to it), at most {@code waymark.consumer.max-attempts} times; meanwhile the partition waits, so order is kept.</li>
 * <li>Everything else, and a transient failure that outlasts the budget, fails the returned Uni: the
 * connector's failure strategy then sends the record to the channel's dead-letter topic.</li>
 * </ul>
 * Metric: {@code waymark_events_consumed_total{consumer,type,outcome}}, outcome one of applied, duplicate,
 * ignored, dead_lettered, retried.
 */
@ApplicationScoped
public class EventDispatcher {

    private static final Logger LOG = Logger.getLogger(EventDispatcher.class);

    private final Map<String, EventHandler<?>> handlers = new HashMap<>();
    private final Inbox inbox;
    private final ConsumerConfig config;
    private final ConsumedEvents consumed;

    @Inject
    EventDispatcher(@Any Instance<EventHandler<?>> found, Inbox inbox, ConsumerConfig config, ConsumedEvents consumed) {
        for (EventHandler<?> handler : found) {
            EventHandler<?> before = handlers.put(handler.type().type(), handler);
            if (before != null) {
                throw new IllegalStateException("two handlers for " + handler.type().type() + ": "
                        + before.getClass().getName() + " and " + handler.getClass().getName());
            }
        }
        this.inbox = inbox;
        this.config = config;
        this.consumed = consumed;
    }

    /**
     * Applies one record value for {@code consumer} (the inbox key, normally the channel name). Call it on the
     * message's Vert.x context, as an {@code @Incoming} method returning {@code Uni} is.
     */
    public Uni<Void> dispatch(String consumer, String payload) {
        Context context = Vertx.currentContext();
        if (context == null) {
            return Uni.createFrom().failure(new IllegalStateException("dispatch must run on a Vert.x context"));
        }
        CloudEvent envelope;
        try {
            envelope = parse(payload);
        } catch (InvalidEvent e) {
            return deadLetter(consumer, "unreadable", e);
        }
        EventHandler<?> handler = handlers.get(envelope.type());
        if (handler == null) {
            count(consumer, envelope.type(), "ignored");
            LOG.debugf("%s: no handler for %s; event %s acknowledged", consumer, envelope.type(), envelope.id());
            return Uni.createFrom().voidItem();
        }
        return apply(consumer, handler, envelope, context);
    }

    private <T> Uni<Void> apply(String consumer, EventHandler<T> handler, CloudEvent envelope, Context context) {
        ReceivedEvent<T> event;
        try {
            event = typed(envelope, handler.dataType());
        } catch (InvalidEvent e) {
            return deadLetter(consumer, envelope.type(), e);
        }
        return applyTyped(consumer, handler, event, context)
                .onFailure().recoverWithUni(e -> deadLetter(consumer, event.type(), e));
    }

    /**
     * Applies an event a batch handler passed on ({@link BatchEventHandler#oneByOne}) through the handler of its
     * type, with its inbox row and the same retries as {@link #dispatch}; fails when it can never apply (the
     * batch dispatcher then parks its record).
     */
    public Uni<Void> applyOne(String consumer, ReceivedEvent<?> received, Context context) {
        EventHandler<?> handler = handlers.get(received.type());
        if (handler == null) {
            count(consumer, received.type(), "ignored");
            return Uni.createFrom().voidItem();
        }
        return applyRetyped(consumer, handler, received, context);
    }

    private <T> Uni<Void> applyRetyped(String consumer, EventHandler<T> handler, ReceivedEvent<?> received, Context context) {
        ReceivedEvent<T> event;
        try {
            event = new ReceivedEvent<>(received.id(), received.type(), received.subject(), received.time(),
                    received.aggregateVersion(), EventJson.mapper().treeToValue(received.rawData(), handler.dataType()),
                    received.rawData());
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return Uni.createFrom().failure(new InvalidEvent("event " + received.id() + " has unreadable data: " + e.getMessage()));
        }
        return applyTyped(consumer, handler, event, context);
    }

    private <T> Uni<Void> applyTyped(String consumer, EventHandler<T> handler, ReceivedEvent<T> event, Context context) {
        return attempt(consumer, handler, event, context)
                .onItem().invoke(first -> count(consumer, event.type(), first ? "applied" : "duplicate"))
                .replaceWithVoid();
    }

    private <T> Uni<Boolean> attempt(String consumer, EventHandler<T> handler, ReceivedEvent<T> event, Context context) {
        return RetryOnContext.run(() -> Panache.withTransaction(() -> inbox.firstDelivery(event.id(), consumer)
                        .flatMap(first -> first ? handler.handle(event).replaceWith(true) : Uni.createFrom().item(false))),
                context, config, consumer, "event " + event.id() + " (" + event.type() + ")",
                n -> count(consumer, event.type(), "retried"));
    }

    private Uni<Void> deadLetter(String consumer, String type, Throwable cause) {
        count(consumer, type, "dead_lettered");
        LOG.errorf("%s: event of type %s goes to the dead-letter topic: %s", consumer, type, cause.getMessage());
        return Uni.createFrom().failure(cause);
    }

    static CloudEvent parse(String payload) {
        if (payload == null) {
            throw new InvalidEvent("an empty record is not a CloudEvent");
        }
        CloudEvent event;
        try {
            event = EventJson.mapper().readValue(payload, CloudEvent.class);
        } catch (JsonProcessingException e) {
            throw new InvalidEvent("not a CloudEvent: " + e.getOriginalMessage());
        }
        if (event == null || event.id() == null || event.type() == null || event.specversion() == null) {
            throw new InvalidEvent("a CloudEvent needs specversion, id and type");
        }
        return event;
    }

    static <T> ReceivedEvent<T> typed(CloudEvent envelope, Class<T> dataType) {
        if (envelope.data() == null || !envelope.data().isObject()) {
            throw new InvalidEvent("event " + envelope.id() + " has no data object");
        }
        try {
            T data = EventJson.mapper().treeToValue(envelope.data(), dataType);
            return new ReceivedEvent<>(envelope.id(), envelope.type(), envelope.subject(), envelope.time(),
                    envelope.aggregateversion(), data, envelope.data());
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new InvalidEvent("event " + envelope.id() + " has unreadable data: " + e.getMessage());
        }
    }

    private void count(String consumer, String type, String outcome) {
        consumed.count(consumer, type, outcome);
    }
}
