package io.waymark.analytics.domain.churn;

import io.smallrye.mutiny.Uni;
import io.waymark.analytics.persistence.JourneyVersions;
import io.waymark.analytics.persistence.churn.ChurnModels;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The serving model, kept in memory: read from the table at most every {@value #REFRESH_MILLIS} ms (another replica
 * may have promoted one) and at once after this one promotes; likewise the names of touchpoints for the words.
 */
@ApplicationScoped
public class ChurnServing {

    static final long REFRESH_MILLIS = 30_000;

    private record Cached(Optional<ChurnModelVersion> model, long readAt) {
    }

    private record CachedNames(TouchpointNames names, long readAt, long saves) {
    }

    private final ChurnModels models;
    private final JourneyVersions journeys;
    private final AtomicReference<Cached> cached = new AtomicReference<>();
    private final AtomicReference<CachedNames> names = new AtomicReference<>();

    ChurnServing(ChurnModels models, JourneyVersions journeys) {
        this.models = models;
        this.journeys = journeys;
    }

    /** The names of every published journey's touchpoints (latest versions); read again once a map is published. */
    public Uni<TouchpointNames> names() {
        CachedNames c = names.get();
        long saves = journeys.saves();
        if (c != null && c.saves() == saves && System.currentTimeMillis() - c.readAt() < REFRESH_MILLIS) {
            return Uni.createFrom().item(c.names());
        }
        return journeys.latestAll().map(TouchpointNames::of)
                .invoke(n -> names.set(new CachedNames(n, System.currentTimeMillis(), saves)));
    }

    public Uni<Optional<ChurnModelVersion>> current() {
        Cached c = cached.get();
        if (c != null && System.currentTimeMillis() - c.readAt() < REFRESH_MILLIS) {
            return Uni.createFrom().item(c.model());
        }
        return models.serving().invoke(m -> cached.set(new Cached(m, System.currentTimeMillis())));
    }

    /** A stored version, promoted or not. */
    public Uni<Optional<ChurnModelVersion>> version(int version) {
        return models.get(version);
    }

    void promoted(ChurnModelVersion model) {
        cached.set(new Cached(Optional.of(model), System.currentTimeMillis()));
    }
}
