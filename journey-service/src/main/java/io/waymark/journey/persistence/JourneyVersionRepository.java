package io.waymark.journey.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.waymark.journey.domain.JourneyVersion;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class JourneyVersionRepository implements PanacheRepositoryBase<JourneyVersion, JourneyVersion.Key> {

    /** Every version of a map, oldest first (a map has at most a few hundred). */
    public Uni<List<JourneyVersion>> ofJourney(UUID journeyId) {
        return list("key.journeyId = ?1 order by key.version", journeyId);
    }
}
