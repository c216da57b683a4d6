package io.waymark.platform.persistence;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import io.waymark.platform.outbox.OutboxConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Deletes what the platform's tables no longer need, a bounded batch per statement (indexed, short locks):
 * published outbox rows after {@code waymark.outbox.retention} (7 days), inbox rows after
 * {@code waymark.inbox.retention} (14 days). The inbox window must be longer than the Kafka topics'
 * retention (7 days by default), so that any replay Kafka can still serve is recognised as a redelivery.
 */
@ApplicationScoped
public class RetentionCleanup {

    private static final Logger LOG = Logger.getLogger(RetentionCleanup.class);
    private static final String OUTBOX = """
            delete from outbox_event where id in (
              select id from outbox_event where published_at < $1 order by published_at limit $2)""";
    private static final String INBOX = """
            delete from inbox_event where (event_id, consumer) in (
              select event_id, consumer from inbox_event where received_at < $1 order by received_at limit $2)""";

    private final Pool pool;
    private final OutboxConfig outbox;
    private final Duration inboxRetention;

    @Inject
    RetentionCleanup(Pool pool, OutboxConfig outbox,
                     @ConfigProperty(name = "waymark.inbox.retention", defaultValue = "P14D") Duration inboxRetention) {
        this.pool = pool;
        this.outbox = outbox;
        this.inboxRetention = inboxRetention;
    }

    @Scheduled(every = "${waymark.cleanup.interval:10m}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return cleanUp().replaceWithVoid()
                .onFailure().invoke(e -> LOG.warnf("clean-up: %s (next run tries again)", e.getMessage()))
                .onFailure().recoverWithNull();
    }

    /** Runs both clean-ups to the end; returns how many rows went (outbox + inbox). */
    public Uni<Long> cleanUp() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        return deleteAll(OUTBOX, now.minus(outbox.retention()), 0)
                .flatMap(o -> deleteAll(INBOX, now.minus(inboxRetention), 0).map(i -> o + i));
    }

    private Uni<Long> deleteAll(String sql, OffsetDateTime cutoff, long sofar) {
        int batch = outbox.cleanupBatchSize();
        return pool.preparedQuery(sql).execute(Tuple.of(cutoff, batch)).flatMap(result -> {
            long total = sofar + result.rowCount();
            return result.rowCount() >= batch ? deleteAll(sql, cutoff, total) : Uni.createFrom().item(total);
        });
    }
}
