package io.waymark.customer.domain.rules;

import java.util.Map;
import java.util.UUID;

/**
 * An event as the rules see it: its trigger ({@link LifecycleRule#INTERACTION}, ...), for interactions the
 * interaction type, its id (kept with the move it causes) and its data ({@code event.<path>} in conditions).
 */
public record RuleEvent(String trigger, String interactionType, UUID eventId, Map<String, Object> data) {

    public RuleEvent {
        data = data == null ? Map.of() : data;
    }
}
