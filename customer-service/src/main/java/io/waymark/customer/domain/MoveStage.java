package io.waymark.customer.domain;

import io.waymark.contracts.LifecycleStage;
import java.util.UUID;

/**
 * The command to move a customer to another stage. Any direction is allowed; moving back needs a reason.
 *
 * @param cause {@code manual} (with {@code actor}), {@code rule} (with rule and triggering event) or {@code import}
 */
public record MoveStage(LifecycleStage to, String reason, String cause, String actor, UUID ruleId,
                        UUID triggeringEventId) {

    public static MoveStage manual(LifecycleStage to, String reason, String actor) {
        return new MoveStage(to, reason, "manual", actor, null, null);
    }

    /** A lifecycle rule's move; its name is the reason (a rule may move customers back). */
    public static MoveStage byRule(LifecycleStage to, String ruleName, UUID ruleId, UUID triggeringEventId) {
        return new MoveStage(to, "rule: " + ruleName, "rule", null, ruleId, triggeringEventId);
    }
}
