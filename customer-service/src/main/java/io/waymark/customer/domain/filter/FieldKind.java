package io.waymark.customer.domain.filter;

import static io.waymark.customer.domain.filter.Operator.CONTAINS;
import static io.waymark.customer.domain.filter.Operator.EQ;
import static io.waymark.customer.domain.filter.Operator.GE;
import static io.waymark.customer.domain.filter.Operator.GT;
import static io.waymark.customer.domain.filter.Operator.IN;
import static io.waymark.customer.domain.filter.Operator.LE;
import static io.waymark.customer.domain.filter.Operator.LT;
import static io.waymark.customer.domain.filter.Operator.NE;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** What a filter can look at, the values each takes and the operators it allows. */
public enum FieldKind {
    STAGE("stage", null, ValueType.STAGE, EnumSet.of(EQ, NE, IN, LT, LE, GT, GE), false),
    STAGE_SINCE("stageSince", null, ValueType.TIME, EnumSet.of(EQ, NE, LT, LE, GT, GE), true),
    CREATED_AT("createdAt", null, ValueType.TIME, EnumSet.of(EQ, NE, LT, LE, GT, GE), true),
    LAST_SEEN_AT("lastSeenAt", null, ValueType.TIME, EnumSet.of(EQ, NE, LT, LE, GT, GE), true),
    EMAIL("email", null, ValueType.STRING, EnumSet.of(EQ, NE, IN, CONTAINS), true),
    TRAIT("traits", "key", ValueType.JSON, EnumSet.allOf(Operator.class), true),
    CONSENT("consent", "purpose", ValueType.BOOLEAN, EnumSet.of(EQ, NE), true),
    EXTERNAL_ID("externalIds", "system", ValueType.STRING, EnumSet.of(EQ, NE, IN), true),
    /** Lifecycle rules only: the event's data, by a dot-separated path. */
    EVENT("event", "path", ValueType.JSON, EnumSet.allOf(Operator.class), true);

    /** The literals a field compares with. */
    public enum ValueType {
        STAGE, TIME, STRING, BOOLEAN, JSON
    }

    private final String text;
    private final String keyNoun;
    private final ValueType valueType;
    private final Set<Operator> operators;
    private final boolean takesExists;

    FieldKind(String text, String keyNoun, ValueType valueType, Set<Operator> operators, boolean takesExists) {
        this.text = text;
        this.keyNoun = keyNoun;
        this.valueType = valueType;
        this.operators = operators;
        this.takesExists = takesExists;
    }

    /** The name as written in a filter ({@code stageSince}, {@code traits}). */
    public String text() {
        return text;
    }

    /** Whether a key follows the name ({@code traits.plan}); what the key names otherwise. */
    public boolean keyed() {
        return keyNoun != null;
    }

    public ValueType valueType() {
        return valueType;
    }

    public boolean takes(Operator operator) {
        return operators.contains(operator);
    }

    public boolean takesExists() {
        return takesExists;
    }

    /** How the field is written in help texts: {@code stage}, {@code traits.<key>}. */
    String pattern() {
        return keyed() ? text + ".<" + keyNoun + ">" : text;
    }

    /** {@code =, !=, in, exists}: what an error lists as allowed. */
    String operatorList() {
        List<String> symbols = new ArrayList<>();
        for (Operator operator : operators) {
            symbols.add(operator.symbol());
        }
        if (takesExists) {
            symbols.add("exists");
        }
        return String.join(", ", symbols);
    }
}
