package io.waymark.customer.domain.filter;

import io.waymark.contracts.LifecycleStage;
import io.waymark.customer.domain.filter.Filter.Comparison;
import java.util.ArrayList;
import java.util.List;

/** Stage comparisons by funnel order ({@link LifecycleStage} declares it), shared by SQL and evaluator. */
final class Stages {

    private Stages() {
    }

    static String name(Literal literal) {
        return stage(literal).name();
    }

    /** The names of the stages that satisfy {@code stage <op> <values>}, in funnel order. */
    static List<String> matching(Comparison comparison) {
        List<String> names = new ArrayList<>();
        for (LifecycleStage stage : LifecycleStage.values()) {
            boolean matches = false;
            if (comparison.op() == Operator.IN) {
                for (Literal value : comparison.values()) {
                    matches |= stage(value) == stage;
                }
            } else {
                matches = comparison.op().holds(stage.compareTo(stage(comparison.value())));
            }
            if (matches) {
                names.add(stage.name());
            }
        }
        return names;
    }

    private static LifecycleStage stage(Literal literal) {
        if (literal instanceof Literal.StageName name) {
            return name.stage();
        }
        throw new IllegalArgumentException("expected a stage, not " + FilterText.render(literal));
    }
}
