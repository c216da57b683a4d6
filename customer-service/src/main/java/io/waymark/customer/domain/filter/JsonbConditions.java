package io.waymark.customer.domain.filter;

import io.waymark.customer.domain.filter.Filter.Comparison;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Conditions on the jsonb columns {@code traits}, {@code consents} and {@code external_ids}. Equality and
 * array membership are containment ({@code @>}) so that a GIN index on the column applies; keys travel as
 * parameters like values. None of these is ever NULL (the columns are NOT NULL, and the rest is in coalesce).
 */
final class JsonbConditions {

    private final SqlParams params;

    JsonbConditions(SqlParams params) {
        this.params = params;
    }

    String exists(String column, String key) {
        return "jsonb_exists(" + column + ", " + params.text(key) + ")";
    }

    String trait(String column, Comparison comparison) {
        String key = comparison.field().key();
        Literal value = comparison.value();
        return switch (comparison.op()) {
            case EQ, NE, IN -> equality(column, comparison, JsonbConditions::json);
            case CONTAINS -> {
                String element = contains(column, key, List.of(json(value)));
                if (!(value instanceof Literal.Text text)) {
                    yield element;
                }
                String keyParam = params.text(key);
                yield "(" + element + " or coalesce(jsonb_typeof(" + column + " -> " + keyParam + ") = 'string'"
                        + " and strpos(" + column + " ->> " + keyParam + ", " + params.text(text.value())
                        + ") > 0, false))";
            }
            case LT, LE, GT, GE -> ordering(column, key, comparison.op(), value);
        };
    }

    /** A consent is an object; {@code consent.p = true} asks for {@code {"p": {"granted": true}}}. */
    String consent(String column, Comparison comparison) {
        return equality(column, comparison, value -> Map.of("granted", json(value)));
    }

    String externalId(String column, Comparison comparison) {
        return equality(column, comparison, JsonbConditions::json);
    }

    /**
     * {@code =} is containment, {@code in} an or of containments, {@code !=} holds when the key is there and
     * its value differs.
     */
    private String equality(String column, Comparison comparison, Function<Literal, Object> jsonValue) {
        String key = comparison.field().key();
        return switch (comparison.op()) {
            case EQ -> contains(column, key, jsonValue.apply(comparison.value()));
            case NE -> "(" + exists(column, key) + " and not " + contains(column, key,
                    jsonValue.apply(comparison.value())) + ")";
            case IN -> {
                List<String> alternatives = new ArrayList<>();
                for (Literal value : comparison.values()) {
                    alternatives.add(contains(column, key, jsonValue.apply(value)));
                }
                yield "(" + String.join(" or ", alternatives) + ")";
            }
            default -> throw new IllegalArgumentException(comparison.op() + " is no equality");
        };
    }

    private String contains(String column, String key, Object value) {
        return column + " @> " + params.json(Map.of(key, value));
    }

    /** Only a value of the literal's JSON type is compared; a number cast is never tried on a string. */
    private String ordering(String column, String key, Operator operator, Literal value) {
        String keyParam = params.text(key);
        String operatorSql = SegmentSql.sqlOperator(operator);
        if (value instanceof Literal.Decimal decimal) {
            return "coalesce(case when jsonb_typeof(" + column + " -> " + keyParam + ") = 'number' then ("
                    + column + " ->> " + keyParam + ")::numeric " + operatorSql + " "
                    + params.add(decimal.value().doubleValue(), "numeric") + " end, false)";
        }
        // collate "C" compares code points, as the evaluator does, whatever the database's collation
        return "coalesce(case when jsonb_typeof(" + column + " -> " + keyParam + ") = 'string' then ("
                + column + " ->> " + keyParam + ") collate \"C\" " + operatorSql + " "
                + params.text(SegmentSql.text(value)) + " end, false)";
    }

    private static Object json(Literal literal) {
        return switch (literal) {
            case Literal.Text text -> text.value();
            case Literal.Decimal decimal -> decimal.value();
            case Literal.Bool bool -> bool.value();
            default -> throw new IllegalArgumentException("no JSON value: " + FilterText.render(literal));
        };
    }
}
