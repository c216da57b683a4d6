package io.waymark.customer.domain;

import java.util.Map;
import java.util.Optional;

/**
 * A JSON merge patch (RFC 7396) of a customer, already read: an absent field is left as it is. For the
 * names, {@code Optional.empty()} inside a present field means "remove". In {@code traits}, a null value
 * removes that trait, and in {@code externalIds} that system's id.
 *
 * @param expectedVersion the version the caller based the change on ({@code If-Match}), empty for last writer wins
 */
public record PatchCustomer(Optional<String> email, Optional<Optional<String>> firstName,
                            Optional<Optional<String>> lastName, Optional<Map<String, Object>> traits,
                            Optional<Map<String, String>> externalIds, Optional<Long> expectedVersion) {

    public PatchCustomer {
        externalIds.ifPresent(ids -> IdentityLimits.checkExternalIds(ids, true));
    }
}
