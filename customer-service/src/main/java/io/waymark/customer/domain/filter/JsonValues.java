package io.waymark.customer.domain.filter;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Values as the evaluator sees them, with the meaning PostgreSQL gives jsonb: numbers equal by value whatever
 * their Java type, strings ordered by code point (collate "C"), an array never equal to a scalar.
 */
final class JsonValues {

    /** What a lookup answers when there is no such key: unlike a JSON null, which is a value. */
    static final Object MISSING = new Object() {
        @Override
        public String toString() {
            return "missing";
        }
    };

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_SHOWN = 80;

    private JsonValues() {
    }

    /** The value at a dot-separated path; a segment of digits may index a list ({@code items.0.sku}). */
    static Object path(Map<String, Object> root, String path) {
        Object current = root;
        for (String segment : path.split("\\.")) {
            if (current instanceof Map<?, ?> map && map.containsKey(segment)) {
                current = map.get(segment);
            } else if (current instanceof List<?> list && isIndex(segment, list.size())) {
                current = list.get(Integer.parseInt(segment));
            } else {
                return MISSING;
            }
        }
        return current;
    }

    private static boolean isIndex(String segment, int size) {
        return segment.length() <= 9 && segment.chars().allMatch(Character::isDigit)
                && Integer.parseInt(segment) < size;
    }

    /** Whether a JSON value equals a literal: same type and same value (numbers compared as numbers). */
    static boolean same(Object actual, Literal literal) {
        return switch (literal) {
            case Literal.Text text -> actual instanceof String string && string.equals(text.value());
            case Literal.Decimal decimal -> {
                BigDecimal number = decimal(actual);
                yield number != null && number.compareTo(decimal.value()) == 0;
            }
            case Literal.Bool bool -> actual instanceof Boolean value && value == bool.value();
            default -> false;
        };
    }

    /** A number as a decimal, whatever its Java type; null for anything else, NaN and infinities included. */
    static BigDecimal decimal(Object value) {
        try {
            return switch (value) {
                case BigDecimal decimal -> decimal;
                case BigInteger integer -> new BigDecimal(integer);
                case Double number -> Double.isFinite(number) ? BigDecimal.valueOf(number) : null;
                case Float number -> Float.isFinite(number) ? new BigDecimal(number.toString()) : null;
                case Long number -> BigDecimal.valueOf(number);
                case Integer number -> BigDecimal.valueOf(number);
                case Short number -> BigDecimal.valueOf(number);
                case Byte number -> BigDecimal.valueOf(number);
                case Number number -> new BigDecimal(number.toString());
                case null, default -> null;
            };
        } catch (NumberFormatException notADecimal) {
            return null;
        }
    }

    /** Orders strings by code point, as PostgreSQL does under collate "C" (String.compareTo uses UTF-16 units). */
    static int compareCodePoints(String left, String right) {
        int i = 0;
        int j = 0;
        while (i < left.length() && j < right.length()) {
            int a = left.codePointAt(i);
            int b = right.codePointAt(j);
            if (a != b) {
                return Integer.compare(a, b);
            }
            i += Character.charCount(a);
            j += Character.charCount(b);
        }
        return Integer.compare(left.length() - i, right.length() - j);
    }

    /** A value for a reason: strings quoted, arrays and objects as JSON, long ones cut. */
    static String shown(Object value) {
        String text;
        if (value == null || value instanceof Number || value instanceof Boolean || value instanceof Instant) {
            text = value instanceof BigDecimal decimal ? decimal.toPlainString() : String.valueOf(value);
        } else {
            try {
                text = JSON.writeValueAsString(value);
            } catch (Exception notJson) {
                text = String.valueOf(value);
            }
        }
        return text.length() <= MAX_SHOWN ? text : text.substring(0, MAX_SHOWN - 3) + "...";
    }
}
