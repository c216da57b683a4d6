package io.waymark.analytics.domain.churn;

import io.smallrye.mutiny.Uni;
import io.waymark.analytics.persistence.churn.ChurnModels;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The serving model, kept in memory: read from the table at most every {@value #REFRESH_MILLIS} ms (another replica
 * may have promoted one) and at once after this one promotes.
 */
@ApplicationScoped
public class ChurnServing {

    static final long REFRESH_MILLIS = 30_000;

    private record Cached(Optional<ChurnModelVersion> model, long readAt) {
    }

    private final ChurnModels models;
    private final AtomicReference<Cached> cached = new AtomicReference<>();

    ChurnServing(ChurnModels models) {
        this.models = models;
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
