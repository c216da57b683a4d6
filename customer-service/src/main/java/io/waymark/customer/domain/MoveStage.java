package io.waymark.customer.domain;

import io.waymark.contracts.LifecycleStage;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The command to move a customer to another stage. Any direction is allowed; moving back needs a reason.
 *
 * @param cause {@code manual} (with {@code actor}), {@code rule} (with rule and triggering event) or {@code import}
 * @param at    when the move happened: null for now (a person's move); a rule's move takes the time of the event
 *              that caused it, kept between the start of the customer's current stage and now
 */
public record MoveStage(LifecycleStage to, String reason, String cause, String actor, UUID ruleId,
                        UUID triggeringEventId, OffsetDateTime at) {

    public static MoveStage manual(LifecycleStage to, String reason, String actor) {
        return new MoveStage(to, reason, "manual", actor, null, null, null);
    }

    /** A lifecycle rule's move, at the time of its triggering event; its name is the reason (a rule may move customers back). */
    public static MoveStage byRule(LifecycleStage to, String ruleName, UUID ruleId, UUID triggeringEventId,
                                   OffsetDateTime eventTime) {
        return new MoveStage(to, "rule: " + ruleName, "rule", null, ruleId, triggeringEventId, eventTime);
    }
}
