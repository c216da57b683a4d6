package io.waymark.platform.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** The outbox relay and its housekeeping ({@code waymark.outbox.*}). */
@ConfigMapping(prefix = "waymark.outbox")
public interface OutboxConfig {

    /** Rows read and sent at once; the relay goes on at once while batches come back full. */
    @WithDefault("500")
    int batchSize();

    /**
     * The safety-net poll (also in {@code @Scheduled} on the relay). Normally the relay is woken by
     * PostgreSQL's NOTIFY from the transaction that wrote the rows, right after it commits.
     */
    @WithDefault("1s")
    Duration interval();

    /** Attempts at a row that Kafka refuses (too large, say) before it is parked with its error. */
    @WithDefault("10")
    int maxAttempts();

    /** Wait before a refused row is tried again; doubles per attempt up to {@link #retryMaxBackoff()}. */
    @WithDefault("1s")
    Duration retryBackoff();

    @WithDefault("5m")
    Duration retryMaxBackoff();

    /** Published rows are kept this long (audits, replays), then deleted. */
    @WithDefault("P7D")
    Duration retention();

    /** Rows deleted per statement by the clean-up, so it never holds long locks. */
    @WithDefault("10000")
    int cleanupBatchSize();

    /**
     * If set, readiness goes DOWN when the oldest unpublished row is older than this. Unset by default: the
     * backlog age is measured over the whole database, so every replica would go unready at once, turning
     * a Kafka outage the outbox absorbs into a full one. Alert on {@code waymark_outbox_oldest_age_seconds}
     * and {@code waymark_outbox_parked} instead.
     */
    Optional<Duration> readinessMaxAge();

    default Duration backoff(int attempts) {
        long millis = retryBackoff().toMillis() << Math.min(Math.max(attempts - 1, 0), 20);
        return Duration.ofMillis(Math.min(millis, retryMaxBackoff().toMillis()));
    }
}
