package io.waymark.journey.domain.picture;

import io.smallrye.mutiny.Uni;
import io.waymark.journey.domain.JourneyService;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

/** The picture of a map's draft or of one of its versions, with the measured overlay when asked for. */
@ApplicationScoped
public class JourneyPictures {

    private final JourneyService journeys;
    private final MeasuredJourneys measured;

    JourneyPictures(JourneyService journeys, MeasuredJourneys measured) {
        this.journeys = journeys;
        this.measured = measured;
    }

    /** {@code version} empty: the draft (which has no measurements: the overlay needs a published version). */
    public Uni<JourneyPicture> picture(UUID id, Optional<Integer> version, boolean overlay) {
        if (version.isEmpty()) {
            return journeys.get(id).map(map -> JourneyPicture.of(map.draft, "draft",
                    overlay ? Optional.of(Actuals.none("no data yet: measurements are per published version")) : Optional.empty()));
        }
        int n = version.get();
        return journeys.version(id, n).flatMap(v -> (overlay ? measured.actuals(id, n).map(Optional::of)
                        : Uni.createFrom().item(Optional.<Actuals>empty()))
                .map(actuals -> JourneyPicture.of(v.document, "version " + n, actuals)));
    }
}
