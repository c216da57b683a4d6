package io.waymark.customer.domain.filter;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Turns what a filter writes as a field ({@code traits.plan}, {@code traits["a b"]}) into a {@link Field}. */
final class FieldNames {

    static final int MAX_BRACKET_KEY = 64;
    private static final Pattern EVENT_PATH = Pattern.compile("[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*");
    private static final int MAX_EVENT_PATH = 200;

    private FieldNames() {
    }

    /** A field written as one word: {@code stage}, {@code traits.plan.tier}, {@code event.properties.plan}. */
    static Field dotted(String word, int position, FilterScope scope) {
        int dot = word.indexOf('.');
        String name = dot < 0 ? word : word.substring(0, dot);
        FieldKind kind = kind(name, word, position, scope);
        if (!kind.keyed()) {
            if (dot >= 0) {
                throw unknown(word, position, scope);
            }
            return Field.of(kind);
        }
        if (dot < 0) {
            String forms = kind == FieldKind.EVENT ? "'.<path>'" : "'.<" + noun(kind) + ">' or '[\"<" + noun(kind)
                    + ">\"]'";
            throw FilterErrors.at(position + word.length(), "expected " + forms + " after '" + word + "'");
        }
        String key = word.substring(dot + 1);
        if (kind == FieldKind.EVENT) {
            if (key.length() > MAX_EVENT_PATH || !EVENT_PATH.matcher(key).matches()) {
                throw FilterErrors.at(position + dot + 1, "an event path is names of letters, digits, '_' or '-'"
                        + " joined by single dots, at most " + MAX_EVENT_PATH + " characters (event.properties.plan)");
            }
        } else if (!Field.DOTTED_KEY.matcher(key).matches()) {
            throw FilterErrors.at(position + dot + 1, "a " + noun(kind) + " after '" + kind.text() + ".' is 1-64"
                    + " letters, digits, '_', '.' or '-'; write " + kind.text() + "[\"...\"] for any other");
        }
        return new Field(kind, key);
    }

    /** A field written with a key in brackets: {@code traits["any key"]}. */
    static Field bracketed(String word, int position, String key, int keyPosition, FilterScope scope) {
        FieldKind kind = kind(word, word, position, scope);
        if (!kind.keyed()) {
            throw FilterErrors.at(position + word.length(), word + " takes no key");
        }
        if (kind == FieldKind.EVENT) {
            throw FilterErrors.at(position + word.length(), "an event path is written with dots, not brackets"
                    + " (event.properties.plan)");
        }
        if (key.isEmpty() || key.length() > MAX_BRACKET_KEY) {
            throw FilterErrors.at(keyPosition, "a " + noun(kind) + " in brackets is 1-" + MAX_BRACKET_KEY
                    + " characters");
        }
        return new Field(kind, key);
    }

    private static FieldKind kind(String name, String word, int position, FilterScope scope) {
        for (FieldKind kind : FieldKind.values()) {
            if (kind.text().equalsIgnoreCase(name)) {
                if (kind == FieldKind.EVENT && scope != FilterScope.RULE) {
                    throw FilterErrors.at(position, "event fields are for lifecycle rules; a segment filters"
                            + " customers by " + list(scope));
                }
                return kind;
            }
        }
        throw unknown(word, position, scope);
    }

    private static RuntimeException unknown(String word, int position, FilterScope scope) {
        if (!Character.isLetter(word.charAt(0))) {
            return FilterErrors.at(position, "expected a field but found '" + FilterErrors.shortened(word) + "'");
        }
        return FilterErrors.at(position, "unknown field '" + FilterErrors.shortened(word) + "'; fields are "
                + list(scope));
    }

    /** {@code stage, stageSince, ..., externalIds.<system>} (and {@code event.<path>} in rules). */
    static String list(FilterScope scope) {
        List<String> names = new ArrayList<>();
        for (FieldKind kind : FieldKind.values()) {
            if (kind != FieldKind.EVENT || scope == FilterScope.RULE) {
                names.add(kind.pattern());
            }
        }
        return String.join(", ", names);
    }

    private static String noun(FieldKind kind) {
        String pattern = kind.pattern();
        return pattern.substring(pattern.indexOf('<') + 1, pattern.length() - 1);
    }
}
