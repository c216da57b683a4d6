package io.waymark.customer.domain.rules;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/**
 * An event as the rules see it: its trigger ({@link LifecycleRule#INTERACTION}, ...), for interactions the
 * interaction type, its id (kept with the move it causes), its data ({@code event.<path>} in conditions) and when
 * the fact it reports happened (an interaction's occurredAt, an answer's recordedAt; null: now), which a move it
 * causes takes as its time (docs/decisions/015).
 */
public record RuleEvent(String trigger, String interactionType, UUID eventId, Map<String, Object> data,
                        OffsetDateTime occurredAt) {

    public RuleEvent {
        data = data == null ? Map.of() : data;
    }
}
