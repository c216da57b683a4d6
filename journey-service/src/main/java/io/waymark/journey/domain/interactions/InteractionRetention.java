package io.waymark.journey.domain.interactions;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.waymark.journey.persistence.InteractionPartitions;
import io.waymark.platform.domain.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import org.jboss.logging.Logger;

/**
 * Keeps whole months: at start and every hour, the months of the retention window and the next two exist,
 * and older months are dropped with their keys.
 */
@ApplicationScoped
public class InteractionRetention {

    private static final Logger LOG = Logger.getLogger(InteractionRetention.class);

    private final InteractionPartitions partitions;
    private final InteractionsConfig config;

    InteractionRetention(InteractionPartitions partitions, InteractionsConfig config) {
        this.partitions = partitions;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        run().subscribe().with(v -> { }, e -> LOG.warnf("interaction months not prepared at start: %s", e.getMessage()));
    }

    @Scheduled(every = "1h", delayed = "1m")
    Uni<Void> scheduled() {
        return run().onFailure().recoverWithItem(e -> {
            LOG.warnf("interaction retention failed (next hour again): %s", e.getMessage());
            return null;
        });
    }

    Uni<Void> run() {
        OffsetDateTime now = Timestamps.now();
        YearMonth oldest = InteractionMonths.oldestKept(now, config.retentionMonths());
        return partitions.ensureRange(oldest, InteractionMonths.of(now).plusMonths(2))
                .flatMap(v -> partitions.dropBefore(oldest))
                .invoke(dropped -> {
                    if (!dropped.isEmpty()) {
                        LOG.infof("dropped interaction months %s (retention: %d months)", dropped, config.retentionMonths());
                    }
                }).replaceWithVoid();
    }
}
