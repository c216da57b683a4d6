package io.waymark.customer.domain.rules;

import io.waymark.customer.domain.filter.Evaluation;
import io.waymark.customer.domain.filter.Filter;
import io.waymark.customer.domain.filter.FilterEvaluator;
import io.waymark.customer.domain.filter.FilterParser;
import io.waymark.customer.domain.filter.FilterScope;
import io.waymark.customer.domain.filter.FilterSubject;
import io.waymark.platform.domain.Invalid;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Which rule, if any, moves a customer on an event, and why each rule would or would not. Pure logic. */
public final class RuleEngine {

    /** What one rule would do with one event and customer. */
    public record Verdict(LifecycleRule rule, boolean fires, List<String> reasons) {
    }

    /** Rules are tried lowest priority first (then oldest first), so the outcome never depends on load order. */
    static final Comparator<LifecycleRule> ORDER = Comparator.<LifecycleRule>comparingInt(r -> r.priority)
            .thenComparing(r -> r.id);

    private RuleEngine() {
    }

    public static Optional<LifecycleRule> firstFiring(List<LifecycleRule> rules, FilterSubject customer, RuleEvent event,
                                                      Instant now) {
        return rules.stream().sorted(ORDER).filter(r -> explain(r, customer, event, now).fires()).findFirst();
    }

    public static Verdict explain(LifecycleRule rule, FilterSubject customer, RuleEvent event, Instant now) {
        List<String> reasons = new ArrayList<>();
        boolean fires = true;
        if (!rule.enabled) {
            reasons.add("the rule is disabled");
            fires = false;
        }
        if (!rule.trigger.equals(event.trigger())) {
            reasons.add("the rule runs on " + rule.trigger + " events, this is a " + event.trigger() + " event");
            fires = false;
        } else if (rule.interactionType != null && !rule.interactionType.equals(event.interactionType())) {
            reasons.add("the rule runs on " + rule.interactionType + " interactions, this is " + event.interactionType());
            fires = false;
        }
        if (!rule.fromStages.isEmpty() && rule.fromStages.stream().noneMatch(s -> s.name().equals(customer.stage()))) {
            reasons.add("the customer is in " + customer.stage() + ", the rule applies from " + rule.fromStages);
            fires = false;
        }
        if (rule.toStage.name().equals(customer.stage())) {
            reasons.add("the customer is already in " + rule.toStage);
            fires = false;
        }
        if (rule.condition != null && !rule.condition.isBlank()) {
            try {
                Filter condition = FilterParser.parse(rule.condition, FilterScope.RULE);
                Evaluation evaluation = FilterEvaluator.evaluate(condition, customer, now);
                reasons.addAll(evaluation.reasons());
                if (!evaluation.matches()) {
                    reasons.add("the condition does not hold");
                    fires = false;
                }
            } catch (Invalid e) {
                // a rule saved under an older grammar must not stop the stream: it does nothing, and says why
                reasons.add("the condition cannot be read: " + e.getMessage());
                fires = false;
            }
        }
        if (fires) {
            reasons.add("moves the customer from " + customer.stage() + " to " + rule.toStage);
        }
        return new Verdict(rule, fires, reasons);
    }
}
