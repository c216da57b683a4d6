package io.waymark.journey.domain.map;

import io.waymark.platform.domain.Invalid;
import io.waymark.platform.domain.Invalid.FieldError;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Collects every problem of a document with its field path, and the checks the journey map rules share. */
final class FieldProblems {

    private final List<FieldError> errors = new ArrayList<>();

    void add(String field, String message) {
        errors.add(new FieldError(field, message));
    }

    /** Text that must be there, not blank, and at most {@code max} characters. */
    void requiredText(String field, String value, int max) {
        if (value == null) {
            add(field, "required, 1-" + max + " characters");
        } else if (value.isBlank()) {
            add(field, "must not be blank, 1-" + max + " characters");
        } else {
            maxLength(field, value, max);
        }
    }

    /** Text that may be absent (or empty) but is at most {@code max} characters. */
    void optionalText(String field, String value, int max) {
        if (value != null) {
            maxLength(field, value, max);
        }
    }

    private void maxLength(String field, String value, int max) {
        if (value.length() > max) {
            add(field, "at most " + max + " characters (has " + value.length() + ")");
        } else if (!printable(value)) {
            add(field, "contains a control character (only tab and line breaks are allowed)");
        }
    }

    /**
     * Text that PostgreSQL can store and XML can carry (the map is drawn as SVG): no control characters but tab
     * and line breaks, no U+FFFE or U+FFFF.
     */
    static boolean printable(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0xFFFE || c == 0xFFFF) {
                return false;
            }
        }
        return true;
    }

    /** A value that must be there and match {@code pattern}; {@code shape} says in words what matches. */
    void required(String field, String value, Pattern pattern, String shape) {
        if (value == null) {
            add(field, "required, " + shape);
        } else {
            matches(field, value, pattern, shape);
        }
    }

    /** A value that may be absent but, when there, matches {@code pattern}. */
    void optional(String field, String value, Pattern pattern, String shape) {
        if (value != null) {
            matches(field, value, pattern, shape);
        }
    }

    /** True when the value matched. */
    boolean matches(String field, String value, Pattern pattern, String shape) {
        if (pattern.matcher(value).matches()) {
            return true;
        }
        add(field, shape);
        return false;
    }

    /** At most {@code max} items; {@code noun} names one item in the message. */
    void atMost(String field, List<?> list, int max, String noun) {
        if (list.size() > max) {
            add(field, "at most " + max + " " + noun + " (has " + list.size() + ")");
        }
    }

    /** A whole number from {@code min} to {@code max} that must be there. */
    void requiredRange(String field, Integer value, int min, int max) {
        if (value == null) {
            add(field, "required, " + min + " to " + max);
        } else if (value < min || value > max) {
            add(field, min + " to " + max + " (is " + value + ")");
        }
    }

    /** Up to {@code maxItems} texts of 1 to {@code maxChars} characters each, named by index. */
    void textList(String field, List<String> items, int maxItems, int maxChars, String noun) {
        atMost(field, items, maxItems, noun);
        for (int i = 0; i < items.size(); i++) {
            requiredText(field + "[" + i + "]", items.get(i), maxChars);
        }
    }

    void throwIfAny(String detail) {
        if (!errors.isEmpty()) {
            throw new Invalid(detail + " (" + errors.size() + (errors.size() == 1 ? " problem)" : " problems)"),
                    errors);
        }
    }
}
