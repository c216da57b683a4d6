package io.waymark.platform.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgConnection;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgConnectOptions;
import io.waymark.contracts.CloudEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.interceptor.Interceptor;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

/**
 * Publishes outbox rows to Kafka in id order (acks=all, idempotent producer) and then marks them, in bulk.
 * <ul>
 * <li><b>One relay per service</b> ({@link RelayLeadership}): the relay holds a session advisory lock on a
 * connection of its own; the replica that has it relays, the others try again on each poll and take over
 * when its connection ends.
 * No transaction stays open while Kafka acknowledges.</li>
 * <li><b>Woken at once</b>: a trigger on {@code outbox_event} NOTIFYs {@code waymark_outbox} when a transaction
 * that wrote rows commits; the relay LISTENs on its connection. The poll ({@code waymark.outbox.interval})
 * is the safety net. While batches come back full it goes straight on.</li>
 * <li><b>A poison row does not block the rest</b>: a row Kafka refuses for itself (too large, say) gets its
 * attempts, last error and next attempt recorded and is parked after {@code max-attempts}. Rows of the
 * same key are sent one after another and never ahead of a failed one, so per-key order holds on the wire;
 * a parked row no longer holds its key.</li>
 * <li><b>Kafka away</b> (anything but an error about the record itself, see {@link KafkaFailures}): nothing is
 * counted against the rows; the batch is tried again
 * on the next poll.</li>
 * </ul>
 * Delivery is at least once; consumers dedupe by event id.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Longer than a send may take (delivery.timeout.ms, 30 s) plus the database round trips. */
    private static final Duration RUN_TIMEOUT = Duration.ofSeconds(90);
    /**
     * The next rows in id order, leaving out keys that wait behind a row waiting for its retry. The waiting
     * keys are found once per batch from a partial index that is normally empty, so the plan stays cheap even
     * when statistics lag a sudden backlog (a per-row subquery did not: minutes for 100,000 fresh rows).
     */
    private static final String PENDING = """
            with waiting as materialized (
              select message_key, min(id) as first_id from outbox_event
              where next_attempt_at is not null and next_attempt_at > now()
                and published_at is null and parked_at is null
              group by message_key)
            select o.id, o.event_id, o.topic, o.message_key, o.type, o.payload, o.attempts
            from outbox_event o
            where o.published_at is null and o.parked_at is null
              and (o.next_attempt_at is null or o.next_attempt_at <= now())
              and not exists (select 1 from waiting w where w.message_key = o.message_key and w.first_id < o.id)
            order by o.id limit $1""";
    /** The outcome of a row held back behind a failed row of its key: not sent, so neither marked nor counted. */
    private static final Throwable NOT_SENT = new Throwable("held back behind a failed row of its key", null, false, false) {
    };
    private static final String MARK_PUBLISHED = "update outbox_event set published_at = now() where id = any($1)";
    private static final String MARK_REFUSED = """
            update outbox_event set attempts = attempts + 1, last_error = left($2, 2000),
                   next_attempt_at = now() + make_interval(secs => $3),
                   parked_at = case when attempts + 1 >= $4 then now() end
            where id = $1""";

    private final MutinyEmitter<String> emitter;
    private final OutboxConfig config;
    private final RelayLeadership leadership;
    private final String topicPrefix;
    private final Counter published;
    private final Counter refused;

    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private volatile boolean started;
    private volatile boolean stopped;
    /** Set by a batch that found Kafka unreachable; the relay then waits for the next poll. */
    private volatile boolean kafkaAway;

    @Inject
    public OutboxRelay(Vertx vertx,
                       @Channel("outbox") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 2048)
                       MutinyEmitter<String> emitter, OutboxConfig config,
                       @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
                       @ConfigProperty(name = "quarkus.datasource.username") String user,
                       @ConfigProperty(name = "quarkus.datasource.password") String password,
                       @ConfigProperty(name = "waymark.events.topic-prefix") Optional<String> topicPrefix,
                       MeterRegistry registry) {
        this.emitter = emitter;
        this.config = config;
        this.leadership = new RelayLeadership(vertx, PgConnectOptions.fromUri(url.replaceFirst("^vertx-reactive:", ""))
                .setUser(user).setPassword(password).setTcpKeepAlive(true), this::wake);
        this.topicPrefix = topicPrefix.orElse("");
        this.published = Counter.builder("waymark.outbox.published").description("Outbox rows published to Kafka")
                .register(registry);
        this.refused = Counter.builder("waymark.outbox.refused").description("Sends of outbox rows that Kafka refused")
                .register(registry);
    }

    /**
     * Reactive Messaging wires its channels during start-up; the emitter cannot be used before that, so the
     * relay starts once the application has.
     */
    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_AFTER + 1000) StartupEvent event) {
        start();
    }

    /** Starts relaying (again, after {@link #stop()}). */
    public void start() {
        stopped = false;
        leadership.open();
        started = true;
        wake();
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
    }

    @Scheduled(every = "${waymark.outbox.interval:1s}", skipExecutionIf = UntilStarted.class)
    void poll() {
        wake();
    }

    /**
     * Skips polls until the application has started: calling the relay earlier would create it (and its
     * emitter) before Reactive Messaging has wired the channels.
     */
    @Singleton
    public static class UntilStarted implements Scheduled.SkipPredicate {

        private volatile boolean started;

        void onStart(@Observes StartupEvent event) {
            started = true;
        }

        @Override
        public boolean test(ScheduledExecution execution) {
            return !started;
        }
    }

    /** Runs the relay now, or once more right after the run in progress. Never blocks. */
    public void wake() {
        if (!started || stopped) {
            return;
        }
        again.set(true);
        if (running.compareAndSet(false, true)) {
            run();
        }
    }

    public boolean isLeader() {
        return leadership.isLeader();
    }

    /** Releases the lock (by closing the relay's connection), so another replica takes over. */
    public void stop() {
        stopped = true;
        leadership.close();
    }

    private void run() {
        again.set(false);
        kafkaAway = false;
        leadership.lead()
                .flatMap(conn -> conn != null ? drain(conn) : Uni.createFrom().voidItem())
                // a run that hangs (a half-open connection, say) must not stop relaying for good
                .ifNoItem().after(RUN_TIMEOUT).fail()
                .subscribe().with(done -> finish(!kafkaAway), failure -> {
                    LOG.warnf("outbox relay: %s (the next poll tries again)", failure.getMessage());
                    leadership.drop();
                    finish(false);
                });
    }

    /** Runs again at once for what arrived meanwhile, unless the run failed or Kafka was away (then the poll does). */
    private void finish(boolean goOn) {
        running.set(false);
        if (goOn && again.get()) {
            wake();
        }
    }

    /** Batch after batch while they come back full; iterative, so a long backlog holds one batch at a time. */
    private Uni<Void> drain(PgConnection conn) {
        return Uni.createFrom().deferred(() -> publishBatch(conn))
                .repeat().whilst(fetched -> fetched >= config.batchSize() && !stopped)
                .collect().last().replaceWithVoid();
    }

    /** Sends one batch and records the outcome; returns how many rows were read. */
    private Uni<Integer> publishBatch(PgConnection conn) {
        return conn.preparedQuery(PENDING).execute(Tuple.of(config.batchSize())).flatMap(rows -> {
            List<PendingRow> batch = new ArrayList<>();
            for (Row row : rows) {
                batch.add(new PendingRow(row.getLong("id"), row.getUUID("event_id").toString(), row.getString("topic"),
                        row.getString("message_key"), row.getString("type"), row.getString("payload"),
                        row.getInteger("attempts")));
            }
            if (batch.isEmpty()) {
                return Uni.createFrom().item(0);
            }
            int read = batch.size();
            return sendInKeyOrder(batch)
                    .flatMap(outcomes -> record(conn, batch, outcomes))
                    // while Kafka is away, report an empty read so the drain stops until the next poll
                    .map(away -> away ? 0 : read);
        });
    }

    /**
     * Sends the batch: different keys at once, the rows of one key one after another, and a key's later rows
     * not at all once one of its rows failed, so no event ever reaches Kafka ahead of an earlier one of its
     * customer. The outcome per row, in batch order: null when acknowledged, else why not ({@link #NOT_SENT}
     * for a row held back behind a failed one).
     */
    private Uni<List<Throwable>> sendInKeyOrder(List<PendingRow> batch) {
        Map<String, List<Integer>> byKey = new LinkedHashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            byKey.computeIfAbsent(batch.get(i).messageKey(), k -> new ArrayList<>()).add(i);
        }
        Throwable[] outcomes = new Throwable[batch.size()];
        List<Uni<Void>> chains = new ArrayList<>();
        for (List<Integer> rows : byKey.values()) {
            Uni<Boolean> chain = Uni.createFrom().item(true);
            for (int index : rows) {
                chain = chain.flatMap(goOn -> {
                    if (!goOn) {
                        outcomes[index] = NOT_SENT;
                        return Uni.createFrom().item(false);
                    }
                    return send(batch.get(index)).map(failure -> {
                        outcomes[index] = failure;
                        return failure == null;
                    });
                });
            }
            chains.add(chain.replaceWithVoid());
        }
        return Uni.join().all(chains).andFailFast().map(ignored -> Arrays.asList(outcomes));
    }

    /** Completes with null when Kafka acknowledged the row, else with why it did not. */
    private Uni<Throwable> send(PendingRow row) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("content-type", CloudEvent.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        headers.add("ce_type", row.type().getBytes(StandardCharsets.UTF_8));
        headers.add("ce_id", row.eventId().getBytes(StandardCharsets.UTF_8));
        Message<String> message = Message.of(row.payload()).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(topicPrefix + row.topic()).withKey(row.messageKey()).withHeaders(headers).build());
        return emitter.sendMessage(message).replaceWith((Throwable) null).onFailure().recoverWithItem(e -> e);
    }

    /** Marks what Kafka took and counts what it refused; true when Kafka was not reachable at all. */
    private Uni<Boolean> record(PgConnection conn, List<PendingRow> batch, List<Throwable> outcomes) {
        List<Long> done = new ArrayList<>();
        List<Uni<Void>> refusals = new ArrayList<>();
        boolean kafkaAway = false;
        for (int i = 0; i < batch.size(); i++) {
            PendingRow row = batch.get(i);
            Throwable failure = outcomes.get(i);
            if (failure == null) {
                done.add(row.id());
                continue;
            }
            if (failure == NOT_SENT) {
                continue;
            }
            if (KafkaFailures.isKafkaAway(failure)) {
                kafkaAway = true;
                continue;
            }
            refused.increment();
            int attempts = row.attempts() + 1;
            LOG.warnf("outbox row %d (%s, event %s) refused by Kafka, attempt %d of %d: %s", row.id(), row.type(),
                    row.eventId(), attempts, config.maxAttempts(), failure);
            refusals.add(conn.preparedQuery(MARK_REFUSED).execute(Tuple.of(row.id(), String.valueOf(failure),
                    (double) config.backoff(attempts).toMillis() / 1000.0, config.maxAttempts())).replaceWithVoid());
        }
        if (kafkaAway) {
            this.kafkaAway = true;
            LOG.warnf("outbox relay: Kafka is not reachable; %d rows wait for the next poll", batch.size() - done.size());
        }
        Uni<Void> marks = done.isEmpty() ? Uni.createFrom().voidItem()
                : conn.preparedQuery(MARK_PUBLISHED).execute(Tuple.of(done.toArray(Long[]::new)))
                        .invoke(() -> published.increment(done.size())).replaceWithVoid();
        refusals.add(marks);
        return Uni.join().all(refusals).andFailFast().replaceWith(kafkaAway);
    }

    private record PendingRow(long id, String eventId, String topic, String messageKey, String type, String payload,
                              int attempts) {
    }
}
