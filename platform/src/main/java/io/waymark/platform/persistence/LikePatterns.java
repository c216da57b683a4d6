package io.waymark.platform.persistence;

import java.util.Locale;

/**
 * Case-insensitive substring search with SQL {@code LIKE}: the pattern for {@code lower(column) like ? escape '!'},
 * with {@code %} and {@code _} in the text matched as themselves.
 */
public final class LikePatterns {

    private LikePatterns() {
    }

    /** {@code %text%}, lowercased, its wildcards and escape character escaped. */
    public static String containsIgnoringCase(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return "%" + lower.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }
}
