package io.waymark.journey.domain.picture;

import java.util.Map;
import java.util.Optional;

/**
 * What customers actually did and felt at each touchpoint, measured by analytics-service: share of the journey's
 * customers who reached it, share who stopped there, and the measured emotion (-2..2, from feedback). Empty
 * when there are no numbers (yet) or analytics could not be asked; the picture then says so.
 */
public record Actuals(Map<String, Touchpoint> byTouchpoint, Optional<String> unavailableBecause) {

    public record Touchpoint(double reachedShare, double dropOffShare, Double emotion) {
    }

    public static Actuals none(String why) {
        return new Actuals(Map.of(), Optional.of(why));
    }
}
