package io.waymark.platform.messaging;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * How the {@link EventDispatcher} retries an event whose transaction failed for a passing reason. The whole
 * budget (about 30 s by default) must stay under the Kafka connector's
 * {@code throttled.unprocessed-record-max-age.ms} (60 s), after which the connector reports the channel unhealthy.
 */
@ConfigMapping(prefix = "waymark.consumer")
public interface ConsumerConfig {

    /** Attempts in all, the first included; then the event is dead-lettered. */
    @WithDefault("10")
    int maxAttempts();

    @WithDefault("0.1s")
    Duration initialBackoff();

    @WithDefault("8s")
    Duration maxBackoff();

    default Duration backoff(int failedAttempts) {
        long millis = initialBackoff().toMillis() << Math.min(failedAttempts - 1, 20);
        return Duration.ofMillis(Math.min(millis, maxBackoff().toMillis()));
    }
}
