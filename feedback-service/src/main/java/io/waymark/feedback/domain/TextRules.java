package io.waymark.feedback.domain;

import io.waymark.platform.domain.Invalid.FieldError;
import java.util.List;
import java.util.regex.Pattern;

/** The checks every text field shares: present when required, not too long, no control characters. */
public final class TextRules {

    /** Team names, as Keycloak groups and journey maps have them. */
    public static final Pattern TEAM = Pattern.compile("[a-z0-9_-]{1,40}");
    public static final String TEAM_SHAPE = "a team name: 1-40 lowercase letters, digits, '_' or '-'";
    /** Keys of touchpoints and questions, and channels. */
    public static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
    public static final String KEY_SHAPE = "1-64 lowercase letters, digits, '_' or '-', starting with a letter or digit";
    // tabs and line breaks are text; other control characters (NUL above all) cannot be stored or shown
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\t\\n\\r]]");

    private TextRules() {
    }

    /** Adds an error when {@code value} is missing (if required), longer than {@code max} or has control characters. */
    public static void check(List<FieldError> errors, String field, String value, int max, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.add(new FieldError(field, "is required"));
            }
        } else if (value.length() > max) {
            errors.add(new FieldError(field, "at most " + max + " characters"));
        } else if (CONTROL.matcher(value).find()) {
            errors.add(new FieldError(field, "must not contain control characters"));
        }
    }

    /** Adds an error when a present {@code value} does not match {@code shape}. */
    public static void checkShape(List<FieldError> errors, String field, String value, Pattern shape, String describe) {
        if (value != null && !shape.matcher(value).matches()) {
            errors.add(new FieldError(field, describe));
        }
    }

    public static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
