package io.waymark.customer.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.waymark.platform.domain.Invalid;
import io.waymark.platform.domain.Invalid.FieldError;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a customer's traits may hold, so that no customer (and no page of 200) makes the service hold more
 * than it should: at most {@value #MAX_TRAITS} traits, keys {@code [A-Za-z0-9_.-]{1,64}}, values that are
 * strings, numbers, booleans, arrays or objects nested at most {@value #MAX_DEPTH} deep, at most
 * {@value #MAX_VALUE_BYTES} bytes of JSON per value and {@value #MAX_TOTAL_BYTES} in all. Each refusal names
 * the trait ({@code traits.<key>}).
 */
public final class TraitLimits {

    static final int MAX_TRAITS = 100;
    static final int MAX_DEPTH = 3;
    static final int MAX_VALUE_BYTES = 4 * 1024;
    static final int MAX_TOTAL_BYTES = 32 * 1024;
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private TraitLimits() {
    }

    /** Checks a complete set of traits (after a create, or after a patch was applied). */
    public static void check(Map<String, Object> traits) {
        if (traits == null) {
            return;
        }
        List<FieldError> errors = new ArrayList<>();
        if (traits.size() > MAX_TRAITS) {
            errors.add(new FieldError("traits", "at most " + MAX_TRAITS + " traits (these are " + traits.size() + ")"));
        }
        for (Map.Entry<String, Object> trait : traits.entrySet()) {
            String field = "traits." + trait.getKey();
            if (!KEY.matcher(trait.getKey()).matches()) {
                errors.add(new FieldError(field, "a key is 1-64 letters, digits, '_', '.' or '-'"));
            } else if (trait.getValue() == null) {
                errors.add(new FieldError(field, "must have a value (null removes a trait only in a patch)"));
            } else if (depth(trait.getValue()) > MAX_DEPTH) {
                errors.add(new FieldError(field, "nested deeper than " + MAX_DEPTH + " levels"));
            } else if (bytes(trait.getValue()) > MAX_VALUE_BYTES) {
                errors.add(new FieldError(field, "more than " + MAX_VALUE_BYTES + " bytes of JSON"));
            }
        }
        if (errors.isEmpty() && bytes(traits) > MAX_TOTAL_BYTES) {
            errors.add(new FieldError("traits", "more than " + MAX_TOTAL_BYTES + " bytes of JSON in all"));
        }
        if (!errors.isEmpty()) {
            throw new Invalid("traits break their limits", errors);
        }
    }

    /** 0 for a scalar, 1 for an array or object of scalars, and so on. */
    static int depth(Object value) {
        Collection<?> children = value instanceof Map<?, ?> map ? map.values()
                : value instanceof Collection<?> list ? list : null;
        if (children == null) {
            return 0;
        }
        int deepest = 0;
        for (Object child : children) {
            deepest = Math.max(deepest, child == null ? 0 : depth(child));
        }
        return deepest + 1;
    }

    private static int bytes(Object value) {
        try {
            return JSON.writeValueAsBytes(value).length;
        } catch (JsonProcessingException e) {
            throw Invalid.field("traits", "cannot be written as JSON");
        }
    }
}
