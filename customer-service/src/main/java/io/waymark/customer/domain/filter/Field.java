package io.waymark.customer.domain.filter;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A field of a filter: its kind and, for {@code traits}, {@code consent}, {@code externalIds} and
 * {@code event}, the key (for {@code event}, the dot-separated path). {@code traits.plan.tier} and
 * {@code traits["plan.tier"]} are the same field: key {@code plan.tier}.
 */
public record Field(FieldKind kind, String key) {

    /** A key that may be written after the dot; any other key needs the bracket form. */
    static final Pattern DOTTED_KEY = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    public Field {
        Objects.requireNonNull(kind, "kind");
        if (kind.keyed() != (key != null)) {
            throw new IllegalArgumentException(kind.text() + (kind.keyed() ? " needs a key" : " takes no key"));
        }
    }

    public static Field of(FieldKind kind) {
        return new Field(kind, null);
    }

    /** The field as a filter writes it: {@code stage}, {@code traits.plan}, {@code traits["a b"]}. */
    public String text() {
        if (key == null) {
            return kind.text();
        }
        if (kind == FieldKind.EVENT || DOTTED_KEY.matcher(key).matches()) {
            return kind.text() + "." + key;
        }
        return kind.text() + "[" + FilterText.quoted(key) + "]";
    }
}
