package io.waymark.customer.domain.filter;

import java.util.List;
import java.util.Objects;

/**
 * A parsed filter (see docs/segments.md). Built by {@link FilterParser}, which checks the types; compiled to
 * SQL by {@link SegmentSql} and evaluated in memory by {@link FilterEvaluator}.
 */
public sealed interface Filter {

    record And(List<Filter> parts) implements Filter {
        public And {
            parts = List.copyOf(parts);
            if (parts.isEmpty()) {
                throw new IllegalArgumentException("and needs at least one part");
            }
        }
    }

    record Or(List<Filter> parts) implements Filter {
        public Or {
            parts = List.copyOf(parts);
            if (parts.isEmpty()) {
                throw new IllegalArgumentException("or needs at least one part");
            }
        }
    }

    record Not(Filter inner) implements Filter {
        public Not {
            Objects.requireNonNull(inner, "inner");
        }
    }

    /** {@code field op value}; {@code in} has one or more values, every other operator exactly one. */
    record Comparison(Field field, Operator op, List<Literal> values) implements Filter {
        public Comparison {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(op, "op");
            values = List.copyOf(values);
            if (values.isEmpty() || (op != Operator.IN && values.size() != 1)) {
                throw new IllegalArgumentException(op.symbol() + " with " + values.size() + " values");
            }
        }

        public Literal value() {
            return values.get(0);
        }
    }

    record Exists(Field field) implements Filter {
        public Exists {
            Objects.requireNonNull(field, "field");
        }
    }
}
