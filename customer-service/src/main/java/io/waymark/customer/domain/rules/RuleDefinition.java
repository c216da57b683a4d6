package io.waymark.customer.domain.rules;

import io.waymark.contracts.LifecycleStage;
import io.waymark.customer.domain.filter.Filter;
import io.waymark.customer.domain.filter.FilterParser;
import io.waymark.customer.domain.filter.FilterScope;
import io.waymark.platform.domain.Invalid;
import io.waymark.platform.domain.Invalid.FieldError;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** What an admin writes to create or replace a rule; {@link #check()} names every field that is wrong. */
public record RuleDefinition(String name, String description, String trigger, String interactionType,
                             String condition, List<LifecycleStage> fromStages, LifecycleStage toStage,
                             Integer priority, Boolean enabled) {

    static final int MAX_PRIORITY = 10_000;
    private static final Pattern INTERACTION_TYPE = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    public RuleDefinition {
        fromStages = fromStages == null ? List.of() : List.copyOf(fromStages);
        enabled = enabled == null ? Boolean.TRUE : enabled;
        priority = priority == null ? 100 : priority;
    }

    /** The parsed condition, or null for a rule without one; fails with every problem of the definition. */
    public Filter check() {
        List<FieldError> errors = new ArrayList<>();
        if (name == null || name.isBlank() || name.length() > 100) {
            errors.add(new FieldError("name", "1-100 characters"));
        }
        if (description != null && description.length() > 1000) {
            errors.add(new FieldError("description", "at most 1000 characters"));
        }
        if (trigger == null || !LifecycleRule.TRIGGERS.contains(trigger)) {
            errors.add(new FieldError("trigger", "one of " + LifecycleRule.TRIGGERS));
        }
        if (interactionType != null && !(LifecycleRule.INTERACTION.equals(trigger)
                && INTERACTION_TYPE.matcher(interactionType).matches())) {
            errors.add(new FieldError("interactionType", "only for the interaction trigger; 1-64 letters, digits, '_', '.' or '-'"));
        }
        if (toStage == null) {
            errors.add(new FieldError("toStage", "the stage the rule moves customers to"));
        } else if (fromStages.contains(toStage)) {
            errors.add(new FieldError("fromStages", "must not contain toStage " + toStage + " (the rule would never move anyone)"));
        }
        if (priority < 0 || priority > MAX_PRIORITY) {
            errors.add(new FieldError("priority", "0-" + MAX_PRIORITY + " (lower wins)"));
        }
        Filter parsed = null;
        if (condition != null && !condition.isBlank()) {
            try {
                parsed = FilterParser.parse(condition, FilterScope.RULE);
            } catch (Invalid e) {
                e.errors().forEach(f -> errors.add(new FieldError("condition", f.message())));
            }
        }
        if (!errors.isEmpty()) {
            throw new Invalid("invalid lifecycle rule", errors);
        }
        return parsed;
    }
}
