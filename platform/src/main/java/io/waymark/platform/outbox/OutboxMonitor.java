package io.waymark.platform.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * How the outbox is doing, as metrics ({@code waymark_outbox_backlog}, {@code waymark_outbox_oldest_age_seconds},
 * {@code waymark_outbox_parked}), refreshed every 10 s, and for {@link OutboxReadiness}.
 */
@Startup
@ApplicationScoped
public class OutboxMonitor {

    private static final String STATS = """
            select count(*) filter (where parked_at is null) as backlog,
                   coalesce(extract(epoch from now() - min(created_at) filter (where parked_at is null)), 0) as oldest,
                   count(*) filter (where parked_at is not null) as parked
            from outbox_event where published_at is null""";

    /** What the last look found. */
    public record Stats(long backlog, double oldestAgeSeconds, long parked) {
    }

    private final Pool pool;
    private final OutboxConfig config;
    private volatile Stats last = new Stats(0, 0, 0);

    @Inject
    OutboxMonitor(Pool pool, OutboxConfig config, MeterRegistry registry) {
        this.pool = pool;
        this.config = config;
        Gauge.builder("waymark.outbox.backlog", () -> last.backlog())
                .description("Outbox rows not yet published (parked ones not counted)").register(registry);
        Gauge.builder("waymark.outbox.oldest.age.seconds", () -> last.oldestAgeSeconds())
                .description("Age of the oldest unpublished outbox row").register(registry);
        Gauge.builder("waymark.outbox.parked", () -> last.parked())
                .description("Outbox rows parked after Kafka refused them max-attempts times").register(registry);
    }

    @Scheduled(every = "10s", delayed = "5s")
    Uni<Void> refresh() {
        return stats().replaceWithVoid().onFailure().recoverWithNull();
    }

    public Uni<Stats> stats() {
        return pool.query(STATS).execute().map(rows -> {
            Row row = rows.iterator().next();
            Stats stats = new Stats(row.getLong("backlog"), row.getNumeric("oldest").doubleValue(), row.getLong("parked"));
            last = stats;
            return stats;
        });
    }

    OutboxConfig config() {
        return config;
    }
}
