package io.waymark.platform.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The consumers' metric {@code waymark_events_consumed_total{consumer,type,outcome}}, outcome one of applied,
 * duplicate, ignored, retried, dead_lettered.
 */
@ApplicationScoped
public class ConsumedEvents {

    private final MeterRegistry registry;

    ConsumedEvents(MeterRegistry registry) {
        this.registry = registry;
    }

    void count(String consumer, String type, String outcome) {
        count(consumer, type, outcome, 1);
    }

    void count(String consumer, String type, String outcome, long n) {
        if (n > 0) {
            Counter.builder("waymark.events.consumed").description("Events a consumer has handled, by outcome")
                    .tag("consumer", consumer).tag("type", type == null ? "unknown" : type).tag("outcome", outcome)
                    .register(registry).increment(n);
        }
    }
}
