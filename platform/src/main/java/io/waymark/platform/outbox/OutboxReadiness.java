package io.waymark.platform.outbox;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * A producer's readiness in place of a Kafka check: it stays ready while Kafka is away (the outbox absorbs
 * the writes) and goes DOWN only when the oldest unpublished row is older than
 * {@code waymark.outbox.readiness-max-age}. The backlog, its age and the parked rows are in the data.
 */
@Readiness
@ApplicationScoped
public class OutboxReadiness implements AsyncHealthCheck {

    private final OutboxMonitor monitor;

    OutboxReadiness(OutboxMonitor monitor) {
        this.monitor = monitor;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        long maxAge = monitor.config().readinessMaxAge().toSeconds();
        return monitor.stats().map(stats -> HealthCheckResponse.named("Outbox")
                        .status(stats.oldestAgeSeconds() <= maxAge)
                        .withData("backlog", stats.backlog())
                        .withData("oldestAgeSeconds", Math.round(stats.oldestAgeSeconds()))
                        .withData("parked", stats.parked())
                        .withData("maxAgeSeconds", maxAge)
                        .build())
                .onFailure().recoverWithItem(e -> HealthCheckResponse.named("Outbox").down()
                        .withData("error", String.valueOf(e.getMessage())).build());
    }
}
