package io.waymark.analytics.api;

import io.waymark.platform.domain.Invalid;
import java.util.UUID;

/** Query and path parameters taken as text and parsed here, so a bad one is a 400 naming it. */
final class Params {

    private Params() {
    }

    static UUID uuid(String name, String text) {
        try {
            return UUID.fromString(text.trim());
        } catch (IllegalArgumentException e) {
            throw Invalid.field(name, "a UUID");
        }
    }

    static int positive(String name, String text) {
        return positive(name, text, "a whole number from 1");
    }

    static int positive(String name, String text, String expected) {
        try {
            int v = Integer.parseInt(text.trim());
            if (v < 1) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw Invalid.field(name, expected);
        }
    }
}
