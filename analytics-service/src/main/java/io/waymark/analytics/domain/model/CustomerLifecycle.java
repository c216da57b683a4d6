package io.waymark.analytics.domain.model;

import io.waymark.contracts.LifecycleStage;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * What analytics keeps of one customer's lifecycle: the current stage since when (as of which version of the
 * customer), and the first time each stage was reached (epoch seconds, by stage name as events named it).
 */
public record CustomerLifecycle(UUID customerId, String stage, OffsetDateTime since, long version,
                                Map<String, Long> reached) {

    public static CustomerLifecycle empty(UUID customerId) {
        return new CustomerLifecycle(customerId, null, null, 0, Map.of());
    }

    /** The same, having reached {@code stage} at {@code at} (the earlier time wins). */
    public CustomerLifecycle reaching(String stage, OffsetDateTime at) {
        Map<String, Long> more = new HashMap<>(reached);
        more.merge(stage, at.toEpochSecond(), Math::min);
        return new CustomerLifecycle(customerId, this.stage, since, version, more);
    }

    /** The same, now in {@code stage} since {@code at} as of {@code version}, unless it knows a newer version. */
    public CustomerLifecycle in(String stage, OffsetDateTime at, long version) {
        if (version <= this.version) {
            return this;
        }
        return new CustomerLifecycle(customerId, stage, at, version, reached);
    }

    /** The first reach times by the stages this version knows (others are not counted in the funnel). */
    public Map<LifecycleStage, Instant> reachedStages() {
        Map<LifecycleStage, Instant> known = new EnumMap<>(LifecycleStage.class);
        reached.forEach((name, seconds) -> {
            for (LifecycleStage s : LifecycleStage.values()) {
                if (s.name().equals(name)) {
                    known.put(s, Instant.ofEpochSecond(seconds));
                }
            }
        });
        return known;
    }

    /**
     * Another customer merged into this one: the earlier reach of each stage counts. This customer's stage stays
     * (its own events tell it); only when none is known yet the other's stands in, until this one's events come.
     */
    public CustomerLifecycle foldIn(CustomerLifecycle other) {
        Map<String, Long> both = new HashMap<>(reached);
        other.reached.forEach((stage, seconds) -> both.merge(stage, seconds, Math::min));
        if (stage == null) {
            return new CustomerLifecycle(customerId, other.stage, other.since, 0, both);
        }
        return new CustomerLifecycle(customerId, stage, since, version, both);
    }
}
