package io.waymark.customer.domain.filter;

import java.util.List;

/** Whether a subject matches a filter, and one plain sentence per comparison saying why. */
public record Evaluation(boolean matches, List<String> reasons) {

    public Evaluation {
        reasons = List.copyOf(reasons);
    }
}
