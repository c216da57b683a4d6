package io.waymark.simulator.world;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * The product's default lifecycle rules (docs/lifecycle-rules.md, customer-service migration V5) as the world
 * plays them, with the time a move takes (docs/decisions/015): the triggering fact's, kept within [the current
 * stage's start, now]. {@link #interaction} and {@link #answer} are applied in the order customer-service
 * applies the events; the simulator checks at start that these rules are the enabled ones.
 */
public final class DefaultRules {

    public enum Stage { AWARENESS, CONSIDERATION, PURCHASE, ONBOARDING, RETENTION, ADVOCACY }

    private final Instant now;
    private Stage stage;
    private Instant since;
    private final Map<Stage, Instant> firstReached = new EnumMap<>(Stage.class);

    /** A customer created in AWARENESS when first seen; no move is later than {@code now}. */
    public DefaultRules(Instant firstSeen, Instant now) {
        this.now = now;
        this.stage = Stage.AWARENESS;
        this.since = firstSeen;
        firstReached.put(Stage.AWARENESS, firstSeen);
    }

    public Stage stage() {
        return stage;
    }

    /** When each stage was first reached (the analytics' funnel counts these). */
    public Map<Stage, Instant> firstReached() {
        return Map.copyOf(firstReached);
    }

    /** Rules 01–04: trial, first purchase, onboarding started, onboarding completed. */
    public void interaction(String type, Instant at) {
        Stage to = switch (type) {
            case "trial_started" -> stage == Stage.AWARENESS ? Stage.CONSIDERATION : null;
            case "purchase" -> stage == Stage.AWARENESS || stage == Stage.CONSIDERATION ? Stage.PURCHASE : null;
            case "onboarding_started" -> stage == Stage.PURCHASE ? Stage.ONBOARDING : null;
            case "onboarding_completed" -> stage == Stage.PURCHASE || stage == Stage.ONBOARDING ? Stage.RETENTION : null;
            default -> null;
        };
        move(to, at);
    }

    /** Rule 05: a promoter's NPS answer (9 or 10) makes a customer in RETENTION an advocate. */
    public void answer(String kind, int score, Instant at) {
        if ("NPS".equals(kind) && score >= 9 && stage == Stage.RETENTION) {
            move(Stage.ADVOCACY, at);
        }
    }

    private void move(Stage to, Instant at) {
        if (to == null) {
            return;
        }
        Instant when = at.isAfter(now) ? now : at.isBefore(since) ? since : at;
        stage = to;
        since = when;
        firstReached.merge(to, when, (a, b) -> a.isBefore(b) ? a : b);
    }
}
