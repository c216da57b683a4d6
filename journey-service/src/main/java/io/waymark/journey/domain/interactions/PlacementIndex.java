package io.waymark.journey.domain.interactions;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import io.waymark.journey.persistence.PublishedMapsQuery;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * The current {@link Placements}, read from this service's own published versions: at start, after a local
 * publish or archive ({@link #refresh()}), and every {@code waymark.interactions.placement-refresh} (what
 * another replica published). Ingest reads it without waiting on the database.
 */
@ApplicationScoped
public class PlacementIndex {

    private static final Logger LOG = Logger.getLogger(PlacementIndex.class);

    private final PublishedMapsQuery source;
    private final AtomicReference<Placements> current = new AtomicReference<>(Placements.NONE);

    PlacementIndex(PublishedMapsQuery source) {
        this.source = source;
    }

    public Placements current() {
        return current.get();
    }

    void onStart(@Observes StartupEvent event) {
        refresh().subscribe().with(v -> { }, e -> LOG.warnf("placement index not loaded at start: %s", e.getMessage()));
    }

    @Scheduled(every = "${waymark.interactions.placement-refresh:10s}", delayed = "5s")
    Uni<Void> scheduled() {
        return refresh().onFailure().recoverWithItem(e -> {
            LOG.warnf("placement index not refreshed: %s", e.getMessage());
            return null;
        });
    }

    /** Reads the published maps again. */
    public Uni<Void> refresh() {
        return source.latestPublished().invoke(maps -> current.set(new Placements(maps))).replaceWithVoid();
    }
}
