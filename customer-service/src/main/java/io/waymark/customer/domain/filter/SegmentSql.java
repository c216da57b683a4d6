package io.waymark.customer.domain.filter;

import io.waymark.customer.domain.filter.Filter.And;
import io.waymark.customer.domain.filter.Filter.Comparison;
import io.waymark.customer.domain.filter.Filter.Exists;
import io.waymark.customer.domain.filter.Filter.Not;
import io.waymark.customer.domain.filter.Filter.Or;
import io.waymark.platform.domain.Invalid;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Compiles a segment filter to a PostgreSQL condition over {@code customer c} (shapes in docs/segments.md).
 * The SQL text is made of fixed fragments, column names from {@link #column} and placeholders only: no value
 * and no key of the filter is ever written into it.
 *
 * <p>Every condition it emits is true or false, never NULL, so that {@code not} is plain negation. It relies
 * on {@code stage}, {@code stage_since}, {@code created_at}, {@code traits}, {@code consents} and
 * {@code external_ids} being NOT NULL; {@code email} and {@code last_seen_at} may be NULL.
 */
public final class SegmentSql {

    private final Instant now;
    private final SqlParams params;
    private final JsonbConditions jsonb;

    private SegmentSql(Instant now, int firstParam) {
        this.now = now;
        this.params = new SqlParams(firstParam);
        this.jsonb = new JsonbConditions(params);
    }

    /**
     * The condition and its parameters, numbered from {@code $firstParam}. Relative times count from
     * {@code now}. A filter with event fields (parsed for a rule) has no SQL: {@link Invalid}.
     */
    public static SqlFilter compile(Filter filter, Instant now, int firstParam) {
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(now, "now");
        if (firstParam < 1) {
            throw new IllegalArgumentException("placeholders start at $1, not $" + firstParam);
        }
        SegmentSql compiler = new SegmentSql(now, firstParam);
        String where = compiler.sql(filter);
        return new SqlFilter(where, compiler.params.values());
    }

    private String sql(Filter filter) {
        return switch (filter) {
            case And and -> join(and.parts(), " and ");
            case Or or -> join(or.parts(), " or ");
            case Not not -> not.inner() instanceof And || not.inner() instanceof Or
                    ? "not " + sql(not.inner()) : "not (" + sql(not.inner()) + ")";
            case Exists exists -> exists(exists.field());
            case Comparison comparison -> comparison(comparison);
        };
    }

    private String join(List<Filter> parts, String separator) {
        List<String> conditions = new ArrayList<>();
        for (Filter part : parts) {
            conditions.add(sql(part));
        }
        return "(" + String.join(separator, conditions) + ")";
    }

    private String exists(Field field) {
        return switch (field.kind()) {
            case STAGE, STAGE_SINCE, CREATED_AT, LAST_SEEN_AT, EMAIL -> column(field.kind()) + " is not null";
            case TRAIT, CONSENT, EXTERNAL_ID -> jsonb.exists(column(field.kind()), field.key());
            case EVENT -> throw noEventsInSql();
        };
    }

    private String comparison(Comparison comparison) {
        FieldKind kind = comparison.field().kind();
        if (!kind.takes(comparison.op())) {
            throw new IllegalArgumentException(kind.text() + " does not take " + comparison.op().symbol());
        }
        return switch (kind) {
            case STAGE -> stage(comparison);
            case STAGE_SINCE, CREATED_AT -> time(column(kind), comparison);
            case LAST_SEEN_AT -> "(" + column(kind) + " is not null and " + time(column(kind), comparison) + ")";
            case EMAIL -> "(c.email is not null and " + email(comparison) + ")";
            case TRAIT -> jsonb.trait(column(kind), comparison);
            case CONSENT -> jsonb.consent(column(kind), comparison);
            case EXTERNAL_ID -> jsonb.externalId(column(kind), comparison);
            case EVENT -> throw noEventsInSql();
        };
    }

    private String stage(Comparison comparison) {
        return switch (comparison.op()) {
            case EQ -> "c.stage = " + params.text(Stages.name(comparison.value()));
            case NE -> "c.stage <> " + params.text(Stages.name(comparison.value()));
            default -> "c.stage = any(" + params.add(Stages.matching(comparison).toArray(String[]::new), "text[]")
                    + ")";
        };
    }

    private String time(String column, Comparison comparison) {
        Instant at = FilterTimes.resolve(comparison.value(), now);
        return column + " " + sqlOperator(comparison.op()) + " "
                + params.add(at.atOffset(ZoneOffset.UTC), "timestamptz");
    }

    /** Without the null check, which the caller puts around it. */
    private String email(Comparison comparison) {
        return switch (comparison.op()) {
            case EQ -> "lower(c.email) = lower(" + params.text(text(comparison.value())) + ")";
            case NE -> "lower(c.email) <> lower(" + params.text(text(comparison.value())) + ")";
            case CONTAINS -> "strpos(lower(c.email), lower(" + params.text(text(comparison.value())) + ")) > 0";
            default -> {
                // an or of equalities rather than "= any(array)": the lower(email) index still applies
                List<String> equalities = new ArrayList<>();
                for (Literal value : comparison.values()) {
                    equalities.add("lower(c.email) = lower(" + params.text(text(value)) + ")");
                }
                yield "(" + String.join(" or ", equalities) + ")";
            }
        };
    }

    static String sqlOperator(Operator operator) {
        return switch (operator) {
            case EQ -> "=";
            case NE -> "<>";
            case LT -> "<";
            case LE -> "<=";
            case GT -> ">";
            case GE -> ">=";
            case IN, CONTAINS -> throw new IllegalArgumentException(operator + " is no binary SQL operator");
        };
    }

    static String text(Literal literal) {
        if (literal instanceof Literal.Text text) {
            return text.value();
        }
        throw new IllegalArgumentException("expected a string, not " + FilterText.render(literal));
    }

    /** The whitelist of columns: the only names that reach the SQL. */
    private static String column(FieldKind kind) {
        return switch (kind) {
            case STAGE -> "c.stage";
            case STAGE_SINCE -> "c.stage_since";
            case CREATED_AT -> "c.created_at";
            case LAST_SEEN_AT -> "c.last_seen_at";
            case EMAIL -> "c.email";
            case TRAIT -> "c.traits";
            case CONSENT -> "c.consents";
            case EXTERNAL_ID -> "c.external_ids";
            case EVENT -> throw noEventsInSql();
        };
    }

    private static RuntimeException noEventsInSql() {
        return Invalid.field(FilterErrors.FIELD,
                "event fields are for lifecycle rules and have no SQL; parse a segment with FilterScope.SEGMENT");
    }
}
