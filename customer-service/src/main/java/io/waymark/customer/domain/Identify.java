package io.waymark.customer.domain;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * Who someone is, by any of their ids, and what we learned of them: finds the one customer these ids name,
 * or creates it ({@code firstSeenAt}, optional, is when a customer it creates was first seen; a customer it
 * finds keeps their own).
 */
public record Identify(String email, Map<String, String> externalIds, String anonymousId, String firstName,
                       String lastName, Map<String, Object> traits, OffsetDateTime firstSeenAt) {

    public Identify {
        // a null id stays in the map, so that the check can name it (Map.copyOf would throw)
        externalIds = externalIds == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(externalIds));
        traits = traits == null ? Map.of() : traits;
        email = email == null || email.isBlank() ? null : email.trim();
        anonymousId = anonymousId == null || anonymousId.isBlank() ? null : anonymousId;
    }

    CreateCustomer toCreate() {
        return new CreateCustomer(email, firstName, lastName, traits, null, externalIds, anonymousId, firstSeenAt);
    }

    /** The advisory-lock keys of every id given (emails without case). */
    java.util.List<String> lockKeys() {
        java.util.List<String> keys = new java.util.ArrayList<>();
        if (email != null) {
            keys.add("email:" + email.trim().toLowerCase(java.util.Locale.ROOT));
        }
        externalIds.forEach((system, id) -> keys.add("external:" + system + ":" + id));
        if (anonymousId != null) {
            keys.add("anonymous:" + anonymousId);
        }
        return keys;
    }
}
