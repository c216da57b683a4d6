package io.waymark.journey.domain.picture;

import io.smallrye.mutiny.Uni;
import java.util.UUID;

/** Where the measured side of a journey comes from (analytics-service); never fails, says why instead. */
public interface MeasuredJourneys {

    Uni<Actuals> actuals(UUID journeyId, int version);
}
