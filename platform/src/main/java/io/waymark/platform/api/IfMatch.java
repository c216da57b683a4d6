package io.waymark.platform.api;

import java.util.Optional;
import java.util.regex.Pattern;

/** Reads an {@code If-Match} header against this API's ETags, which are versions: {@code "3"}. */
public final class IfMatch {

    private static final Pattern ENTITY_TAG = Pattern.compile("(W/)?\"(\\d{1,18})\"");

    private IfMatch() {
    }

    /**
     * The version {@code If-Match} names: none for no header or {@code *}; a tag this API never hands out can
     * match no version (so it is answered 412, as RFC 9110 says).
     */
    public static Optional<Long> expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return Optional.empty();
        }
        var m = ENTITY_TAG.matcher(ifMatch.trim());
        return Optional.of(m.matches() ? Long.parseLong(m.group(2)) : -1L);
    }
}
