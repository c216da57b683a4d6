package io.waymark.customer.domain.filter;

import static io.waymark.customer.domain.filter.JsonValues.MISSING;
import static io.waymark.customer.domain.filter.JsonValues.shown;

import io.waymark.customer.domain.filter.Filter.And;
import io.waymark.customer.domain.filter.Filter.Comparison;
import io.waymark.customer.domain.filter.Filter.Exists;
import io.waymark.customer.domain.filter.Filter.Not;
import io.waymark.customer.domain.filter.Filter.Or;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Evaluates a filter in memory, with the meaning {@link SegmentSql} gives it in PostgreSQL: a missing value
 * matches no comparison ({@code !=} included) and {@code not} is plain negation. Every comparison is
 * evaluated (no short cut) so that each leaves its reason.
 */
public final class FilterEvaluator {

    private record Outcome(boolean result, String explanation) {
    }

    private final FilterSubject subject;
    private final Instant now;
    private final List<String> reasons = new ArrayList<>();

    private FilterEvaluator(FilterSubject subject, Instant now) {
        this.subject = subject;
        this.now = now;
    }

    /** Whether {@code subject} matches, relative times counting from {@code now}, and why. */
    public static Evaluation evaluate(Filter filter, FilterSubject subject, Instant now) {
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(now, "now");
        FilterEvaluator evaluator = new FilterEvaluator(subject, FilterTimes.micros(now));
        boolean matches = evaluator.test(filter);
        return new Evaluation(matches, evaluator.reasons);
    }

    private boolean test(Filter filter) {
        return switch (filter) {
            case And and -> {
                boolean all = true;
                for (Filter part : and.parts()) {
                    all &= test(part);
                }
                yield all;
            }
            case Or or -> {
                boolean any = false;
                for (Filter part : or.parts()) {
                    any |= test(part);
                }
                yield any;
            }
            case Not not -> !test(not.inner());
            case Exists exists -> exists(exists);
            case Comparison comparison -> compare(comparison);
        };
    }

    private boolean exists(Exists exists) {
        Object actual = lookup(exists.field());
        boolean found = actual != MISSING;
        reasons.add(FilterText.render(exists) + ": " + exists.field().text()
                + (found ? " is " + shown(actual) + ", true" : " is missing, false"));
        return found;
    }

    private boolean compare(Comparison comparison) {
        Field field = comparison.field();
        Object actual = lookup(field);
        Outcome outcome;
        if (actual == MISSING) {
            outcome = new Outcome(false, field.text() + " is missing, false");
        } else {
            outcome = switch (field.kind()) {
                case STAGE -> stage(comparison, (String) actual);
                case STAGE_SINCE, CREATED_AT, LAST_SEEN_AT -> time(comparison, FilterTimes.micros((Instant) actual));
                case EMAIL -> email(comparison, (String) actual);
                case CONSENT, EXTERNAL_ID -> is(field, actual, switch (comparison.op()) {
                    case EQ -> JsonValues.same(actual, comparison.value());
                    case NE -> !JsonValues.same(actual, comparison.value());
                    default -> anySame(actual, comparison.values());
                });
                case TRAIT, EVENT -> json(comparison, actual);
            };
        }
        reasons.add(FilterText.render(comparison) + ": " + outcome.explanation());
        return outcome.result();
    }

    /** The field's value, or MISSING: a null customer field, an absent key, an absent event path. */
    private Object lookup(Field field) {
        String key = field.key();
        Object value = switch (field.kind()) {
            case STAGE -> subject.stage();
            case STAGE_SINCE -> subject.stageSince();
            case CREATED_AT -> subject.createdAt();
            case LAST_SEEN_AT -> subject.lastSeenAt();
            case EMAIL -> subject.email();
            case TRAIT -> entry(subject.traits(), key);
            case CONSENT -> entry(subject.consents(), key);
            case EXTERNAL_ID -> entry(subject.externalIds(), key);
            case EVENT -> subject.event() == null ? MISSING : JsonValues.path(subject.event(), key);
        };
        return value == null && !field.kind().keyed() ? MISSING : value;
    }

    private static Object entry(Map<String, ?> map, String key) {
        return map.containsKey(key) ? map.get(key) : MISSING;
    }

    private Outcome stage(Comparison comparison, String actual) {
        boolean result = switch (comparison.op()) {
            case EQ -> actual.equals(Stages.name(comparison.value()));
            case NE -> !actual.equals(Stages.name(comparison.value()));
            default -> Stages.matching(comparison).contains(actual);
        };
        return is(comparison.field(), actual, result);
    }

    private Outcome time(Comparison comparison, Instant actual) {
        Literal value = comparison.value();
        Instant expected = FilterTimes.resolve(value, now);
        String shownExpected = value instanceof Literal.RelativeTime relative
                ? expected + " (" + relative.text() + ")" : expected.toString();
        return ordered(actual.toString(), comparison.op(), shownExpected,
                comparison.op().holds(actual.compareTo(expected)));
    }

    private static Outcome email(Comparison comparison, String actual) {
        String email = actual.toLowerCase(Locale.ROOT);
        boolean result = false;
        for (Literal value : comparison.values()) {
            String expected = SegmentSql.text(value).toLowerCase(Locale.ROOT);
            result |= switch (comparison.op()) {
                case EQ, IN -> email.equals(expected);
                case NE -> !email.equals(expected);
                case CONTAINS -> email.contains(expected);
                default -> throw new IllegalArgumentException("email does not take " + comparison.op().symbol());
            };
        }
        return is(comparison.field(), actual, result);
    }

    /** Traits and event data: JSON values, compared as PostgreSQL compares jsonb. */
    private static Outcome json(Comparison comparison, Object actual) {
        Field field = comparison.field();
        Literal value = comparison.value();
        return switch (comparison.op()) {
            case EQ -> is(field, actual, JsonValues.same(actual, value));
            case NE -> is(field, actual, !JsonValues.same(actual, value));
            case IN -> is(field, actual, anySame(actual, comparison.values()));
            case CONTAINS -> is(field, actual, switch (actual) {
                case List<?> list -> list.stream().anyMatch(element -> JsonValues.same(element, value));
                case String string -> value instanceof Literal.Text text && string.contains(text.value());
                case null, default -> false;
            });
            case LT, LE, GT, GE -> ordering(comparison, actual);
        };
    }

    private static Outcome ordering(Comparison comparison, Object actual) {
        Operator operator = comparison.op();
        Literal value = comparison.value();
        if (value instanceof Literal.Decimal decimal) {
            BigDecimal number = JsonValues.decimal(actual);
            if (number == null) {
                return new Outcome(false, comparison.field().text() + " is " + shown(actual) + ", not a number, false");
            }
            return ordered(shown(actual), operator, FilterText.render(value),
                    operator.holds(number.compareTo(decimal.value())));
        }
        String expected = SegmentSql.text(value);
        if (!(actual instanceof String string)) {
            return new Outcome(false, comparison.field().text() + " is " + shown(actual) + ", not a string, false");
        }
        return ordered(shown(actual), operator, FilterText.render(value),
                operator.holds(JsonValues.compareCodePoints(string, expected)));
    }

    private static boolean anySame(Object actual, List<Literal> values) {
        return values.stream().anyMatch(value -> JsonValues.same(actual, value));
    }

    /** {@code stage is "ONBOARDING", false} */
    private static Outcome is(Field field, Object actual, boolean result) {
        return new Outcome(result, field.text() + " is " + shown(actual) + ", " + result);
    }

    /** {@code 10 >= 9 is true} */
    private static Outcome ordered(String actual, Operator operator, String expected, boolean result) {
        return new Outcome(result, actual + " " + operator.symbol() + " " + expected + " is " + result);
    }
}
