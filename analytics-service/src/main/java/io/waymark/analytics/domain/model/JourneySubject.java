package io.waymark.analytics.domain.model;

import java.util.HashMap;
import java.util.Map;

/**
 * One subject's way through one journey: the first time each touchpoint was reached (epoch seconds) and the
 * map version whose designed order its contribution to the rollups was counted with (null: none known then).
 */
public record JourneySubject(Integer version, Map<String, Long> reached) {

    public static JourneySubject none() {
        return new JourneySubject(null, Map.of());
    }

    public JourneySubject reaching(String touchpoint, long epochSecond) {
        Map<String, Long> more = new HashMap<>(reached);
        more.merge(touchpoint, epochSecond, Math::min);
        return new JourneySubject(version, more);
    }

    public JourneySubject union(JourneySubject other) {
        Map<String, Long> both = new HashMap<>(reached);
        other.reached.forEach((t, s) -> both.merge(t, s, Math::min));
        return new JourneySubject(version, both);
    }

    public JourneySubject withVersion(Integer v) {
        return new JourneySubject(v, reached);
    }
}
