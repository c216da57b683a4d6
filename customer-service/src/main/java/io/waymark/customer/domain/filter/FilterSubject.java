package io.waymark.customer.domain.filter;

import java.time.Instant;
import java.util.Map;

/**
 * What a filter is evaluated against: a customer and, in a lifecycle rule, the event. A null map is empty;
 * {@code consents} maps a purpose to whether it is granted; {@code event} holds the event's data as Jackson
 * reads JSON (maps, lists, strings, numbers of any {@link Number} type, booleans) and is null outside rules.
 */
public record FilterSubject(
        String stage,
        Instant stageSince,
        Instant createdAt,
        Instant lastSeenAt,
        String email,
        Map<String, Object> traits,
        Map<String, Boolean> consents,
        Map<String, String> externalIds,
        Map<String, Object> event) {

    public FilterSubject {
        traits = traits == null ? Map.of() : traits;
        consents = consents == null ? Map.of() : consents;
        externalIds = externalIds == null ? Map.of() : externalIds;
    }
}
