package io.waymark.customer.domain.filter;

/** A comparison operator ({@code exists} is not one: it is its own node, {@link Filter.Exists}). */
public enum Operator {
    EQ("="),
    NE("!="),
    LT("<"),
    LE("<="),
    GT(">"),
    GE(">="),
    IN("in"),
    CONTAINS("contains");

    private final String symbol;

    Operator(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    public boolean ordering() {
        return this == LT || this == LE || this == GT || this == GE;
    }

    /** Whether {@code actual <this> expected} holds, given {@code actual.compareTo(expected)}. */
    boolean holds(int comparison) {
        return switch (this) {
            case EQ -> comparison == 0;
            case NE -> comparison != 0;
            case LT -> comparison < 0;
            case LE -> comparison <= 0;
            case GT -> comparison > 0;
            case GE -> comparison >= 0;
            case IN, CONTAINS -> throw new IllegalStateException(this + " is not a comparison of two values");
        };
    }
}
