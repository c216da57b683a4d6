package io.waymark.platform.outbox;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * A producer's readiness in place of a Kafka check: it stays ready while Kafka is away (the outbox absorbs
 * the writes) and shows the backlog, the age of its oldest row and the parked rows. It goes DOWN when the
 * outbox cannot be read, or, only if {@code waymark.outbox.readiness-max-age} is set, when the oldest row is
 * older than that.
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
        long maxAge = monitor.config().readinessMaxAge().map(d -> d.toSeconds()).orElse(Long.MAX_VALUE);
        return monitor.stats().map(stats -> HealthCheckResponse.named("Outbox")
                        .status(stats.oldestAgeSeconds() <= maxAge)
                        .withData("backlog", stats.backlog())
                        .withData("oldestAgeSeconds", Math.round(stats.oldestAgeSeconds()))
                        .withData("parked", stats.parked())
                        .build())
                .onFailure().recoverWithItem(e -> HealthCheckResponse.named("Outbox").down()
                        .withData("error", String.valueOf(e.getMessage())).build());
    }
}
