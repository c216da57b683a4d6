package io.waymark.platform.outbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import jakarta.interceptor.Interceptor;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.waymark.contracts.CloudEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Publishes outbox rows to Kafka in id order and marks them published, in one transaction. Only one
 * instance of a service relays at a time (a transaction-scoped advisory lock), which keeps each customer's
 * events in order even when the service runs with several replicas. A row is marked only after Kafka has
 * acknowledged it (acks=all, idempotent producer); a failure rolls the batch back and it is sent again, so
 * delivery is at least once and consumers dedupe by event id.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Any constant works; it only has to be the same for every replica of one service (one database). */
    private static final long RELAY_LOCK = 0x5761796d61726bL;

    @Inject
    @Channel("outbox")
    MutinyEmitter<String> emitter;

    @ConfigProperty(name = "waymark.outbox.batch-size", defaultValue = "200")
    int batchSize;

    @ConfigProperty(name = "waymark.outbox.retention", defaultValue = "P7D")
    Duration retention;

    /** Put before every topic name; the tests use "test." so they never mix with a running stack's events. */
    @ConfigProperty(name = "waymark.events.topic-prefix")
    Optional<String> topicPrefix;

    @Scheduled(every = "${waymark.outbox.interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = UntilStarted.class)
    Uni<Void> relay() {
        return publishBatch().replaceWithVoid()
                .onFailure().invoke(e -> LOG.warnf("outbox relay: %s (will retry)", e.getMessage()))
                .onFailure().recoverWithNull();
    }

    /** Publishes up to one batch; returns how many rows were published. */
    public Uni<Integer> publishBatch() {
        Context context = Vertx.currentContext();
        return Panache.withTransaction(() -> Panache.getSession().flatMap(session -> session
                .createNativeQuery("select pg_try_advisory_xact_lock(" + RELAY_LOCK + ")", Boolean.class)
                .getSingleResult()
                .flatMap(locked -> !locked ? Uni.createFrom().item(0) : session
                        .createNativeQuery("select * from outbox_event where published_at is null order by id limit "
                                + batchSize, OutboxEvent.class)
                        .getResultList()
                        .flatMap(rows -> send(rows, context)))));
    }

    private Uni<Integer> send(List<OutboxEvent> rows, Context context) {
        if (rows.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        // all sends go out at once; the idempotent producer keeps their order within a partition
        List<Uni<Void>> acks = rows.stream().map(this::send).toList();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        return Uni.join().all(acks).andFailFast()
                // Kafka acknowledges on its own thread; the session belongs to the relay's Vert.x context
                .emitOn(task -> context.runOnContext(ignored -> task.run()))
                .invoke(() -> rows.forEach(row -> row.publishedAt = now))
                .replaceWith(rows.size());
    }

    private Uni<Void> send(OutboxEvent row) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("content-type", CloudEvent.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        headers.add("ce_type", row.type.getBytes(StandardCharsets.UTF_8));
        headers.add("ce_id", row.eventId.toString().getBytes(StandardCharsets.UTF_8));
        return emitter.sendMessage(Message.of(row.payload).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(topicPrefix.orElse("") + row.topic).withKey(row.messageKey).withHeaders(headers).build()));
    }

    /**
     * Skips relay runs until the application has started: the scheduler may fire while Reactive Messaging
     * is still wiring its channels, and the emitter cannot be had before that.
     */
    @Singleton
    public static class UntilStarted implements Scheduled.SkipPredicate {

        private volatile boolean started;

        void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_AFTER + 1000) StartupEvent event) {
            started = true;
        }

        @Override
        public boolean test(ScheduledExecution execution) {
            return !started;
        }
    }

    /** Published rows are kept for a while (for audits and replays), then removed. */
    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = UntilStarted.class)
    Uni<Void> cleanUp() {
        OffsetDateTime cutoff = OffsetDateTime.now(ZoneOffset.UTC).minus(retention);
        return Panache.withTransaction(() -> Panache.getSession().flatMap(session -> session
                        .createNativeQuery("delete from outbox_event where published_at < :cutoff")
                        .setParameter("cutoff", cutoff).executeUpdate()))
                .replaceWithVoid()
                .onFailure().invoke(e -> LOG.warnf("outbox clean-up: %s", e.getMessage()))
                .onFailure().recoverWithNull();
    }
}
