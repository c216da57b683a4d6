package io.waymark.customer.domain.filter;

import io.waymark.contracts.LifecycleStage;
import io.waymark.customer.domain.filter.Filter.Comparison;
import io.waymark.customer.domain.filter.Literal.AbsoluteTime;
import io.waymark.customer.domain.filter.Literal.Bool;
import io.waymark.customer.domain.filter.Literal.RelativeTime;
import io.waymark.customer.domain.filter.Literal.StageName;
import io.waymark.customer.domain.filter.Literal.Text;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The type rules: which operators a field takes and which values it compares with (docs/segments.md). */
final class FilterTypes {

    /** A value as the parser read it, with where it stands in the filter. */
    record Written(Literal literal, int position) {
    }

    private static final String STAGES = String.join(", ",
            Arrays.stream(LifecycleStage.values()).map(Enum::name).toList());

    private FilterTypes() {
    }

    static void checkExists(Field field, int position) {
        if (!field.kind().takesExists()) {
            throw FilterErrors.at(position, field.text() + " does not take 'exists' (every customer has one); it takes "
                    + field.kind().operatorList());
        }
    }

    static void checkOperator(Field field, Operator operator, int position) {
        if (!field.kind().takes(operator)) {
            throw FilterErrors.at(position, field.text() + " does not take '" + operator.symbol() + "'; it takes "
                    + field.kind().operatorList());
        }
    }

    /** The comparison with its values typed: stage names and absolute times resolved, the rest checked. */
    static Comparison comparison(Field field, Operator operator, List<Written> values) {
        List<Literal> typed = new ArrayList<>();
        for (Written value : values) {
            typed.add(typed(field, operator, value.literal(), value.position()));
        }
        return new Comparison(field, operator, typed);
    }

    private static Literal typed(Field field, Operator operator, Literal value, int position) {
        String name = field.text();
        FieldKind.ValueType type = field.kind().valueType();
        if (value instanceof RelativeTime time && type != FieldKind.ValueType.TIME) {
            throw FilterErrors.at(position, time.text() + " is a time; only stageSince, createdAt and lastSeenAt"
                    + " compare with times");
        }
        return switch (type) {
            case STAGE -> stage(value, position);
            case TIME -> time(name, value, position);
            case STRING -> {
                if (!(value instanceof Text)) {
                    throw FilterErrors.at(position, name + " takes a string in double quotes, not " + shown(value));
                }
                yield value;
            }
            case BOOLEAN -> {
                if (!(value instanceof Bool)) {
                    throw FilterErrors.at(position, name + " takes true or false, not " + shown(value));
                }
                yield value;
            }
            case JSON -> {
                if (operator.ordering() && value instanceof Bool) {
                    throw FilterErrors.at(position, "'" + operator.symbol() + "' compares numbers or strings, not "
                            + shown(value));
                }
                yield value;
            }
        };
    }

    private static Literal stage(Literal value, int position) {
        if (!(value instanceof Text text)) {
            throw FilterErrors.at(position, "stage takes a stage name in double quotes (\"PURCHASE\"), not "
                    + shown(value));
        }
        for (LifecycleStage stage : LifecycleStage.values()) {
            if (stage.name().equalsIgnoreCase(text.value())) {
                return new StageName(stage);
            }
        }
        throw FilterErrors.at(position, "unknown stage " + shown(value) + "; stages are " + STAGES);
    }

    private static Literal time(String name, Literal value, int position) {
        if (value instanceof RelativeTime) {
            return value;
        }
        if (!(value instanceof Text text)) {
            throw FilterErrors.at(position, name + " takes a relative time (now-30d) or a date in double quotes"
                    + " (\"2026-01-01\"), not " + shown(value));
        }
        Instant at = instant(text.value());
        if (at == null) {
            throw FilterErrors.at(position, shown(value) + " is neither a date (\"2026-01-01\") nor a date-time"
                    + " with an offset (\"2026-01-01T10:00:00Z\") in the years 1 to 9999");
        }
        return new AbsoluteTime(at);
    }

    /** A date is the start of that day in UTC; a date-time needs its offset. Null when it is neither. */
    static Instant instant(String text) {
        Instant at;
        try {
            at = LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeException notADate) {
            try {
                at = OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeException notADateTime) {
                return null;
            }
        }
        int year = at.atOffset(ZoneOffset.UTC).getYear();
        return year >= 1 && year <= 9999 ? at.truncatedTo(ChronoUnit.MICROS) : null;
    }

    private static String shown(Literal value) {
        return FilterErrors.shortened(FilterText.render(value));
    }
}
