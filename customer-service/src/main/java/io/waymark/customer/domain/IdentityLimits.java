package io.waymark.customer.domain;

import io.waymark.platform.domain.Invalid;
import io.waymark.platform.domain.Invalid.FieldError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What ids a customer may carry besides its own: at most {@value #MAX_SYSTEMS} external systems named
 * {@code [A-Za-z0-9_.-]{1,64}}, each with one id of 1-{@value #MAX_ID} characters, and anonymous ids of
 * 1-{@value #MAX_ID} characters. Each refusal names the field.
 */
public final class IdentityLimits {

    static final int MAX_SYSTEMS = 20;
    static final int MAX_ID = 128;
    private static final Pattern SYSTEM = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    private IdentityLimits() {
    }

    /** Checks external ids as given; a null value (removal, in a patch) is allowed when {@code removalsAllowed}. */
    public static void checkExternalIds(Map<String, String> externalIds, boolean removalsAllowed) {
        if (externalIds == null) {
            return;
        }
        List<FieldError> errors = new ArrayList<>();
        if (externalIds.size() > MAX_SYSTEMS) {
            errors.add(new FieldError("externalIds", "at most " + MAX_SYSTEMS + " systems"));
        }
        externalIds.forEach((system, id) -> {
            String field = "externalIds." + system;
            if (!SYSTEM.matcher(system).matches()) {
                errors.add(new FieldError(field, "a system name is 1-64 letters, digits, '_', '.' or '-'"));
            } else if (id == null ? !removalsAllowed : id.isBlank() || id.length() > MAX_ID) {
                errors.add(new FieldError(field, "an id is 1-" + MAX_ID + " characters"));
            }
        });
        if (!errors.isEmpty()) {
            throw new Invalid("invalid external ids", errors);
        }
    }

    public static void checkAnonymousId(String anonymousId) {
        if (anonymousId != null && (anonymousId.isBlank() || anonymousId.length() > MAX_ID)) {
            throw Invalid.field("anonymousId", "1-" + MAX_ID + " characters");
        }
    }
}
