package io.waymark.simulator.world;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * How long until the next step: log-normal around {@code median} (half take less, half more), {@code spread} the
 * standard deviation of its logarithm (0.5: most within ×0.4 to ×2.7 of the median).
 */
public record Delay(Duration median, double spread) {

    public static final double DEFAULT_SPREAD = 0.5;

    public Delay {
        if (median.isNegative() || median.isZero()) {
            throw new IllegalArgumentException("a delay's median must be positive, not " + median);
        }
        if (spread < 0 || spread > 3) {
            throw new IllegalArgumentException("a delay's spread is 0..3, not " + spread);
        }
    }

    public Duration sample(RandomGenerator random) {
        double seconds = median.toMillis() / 1000.0 * Math.exp(spread * random.nextGaussian());
        return Duration.ofMillis(Math.max(1000, Math.round(seconds * 1000)));
    }
}
