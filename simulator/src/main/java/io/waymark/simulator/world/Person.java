package io.waymark.simulator.world;

import io.waymark.simulator.world.Scenario.Persona;
import java.time.Instant;
import java.util.List;

/**
 * One simulated person and everything they did, in time order: their interactions (anonymous until they left an
 * email, if they ever did), their survey answers, what pushed them towards leaving and whether (and when) they
 * went silent.
 *
 * @param identifiedAt when they became a known customer (null: never, an anonymous visitor throughout)
 * @param silentFrom   when they stopped interacting for good (a churner), else null
 */
public record Person(int index, Persona persona, Instant firstSeen, Instant identifiedAt, boolean consents,
                     List<Interaction> interactions, List<Answer> answers, List<Driver> drivers, boolean willChurn,
                     Instant silentFrom) {

    /** An interaction at a touchpoint of a journey. */
    public record Interaction(Instant at, String journey, String touchpoint, String type, String channel,
                              boolean anonymous) {
    }

    /** A survey answer at a touchpoint: score on the kind's scale, maybe a comment. */
    public record Answer(Instant at, String journey, String touchpoint, String kind, int score, String comment) {

        /** Unhappy as feedback-service counts it by score (NPS ≤ 6, CSAT ≤ 2, CES ≥ 5). */
        public boolean unhappy() {
            return switch (kind) {
                case "NPS" -> score <= 6;
                case "CSAT" -> score <= 2;
                default -> score >= 5;
            };
        }
    }

    /** Something that made the person likelier to go silent, and by how much. */
    public record Driver(String cause, String journey, String touchpoint, double adds) {

        public String describe() {
            return cause + " at " + journey + "/" + touchpoint;
        }
    }

    public boolean identified() {
        return identifiedAt != null;
    }

    public Instant lastInteraction() {
        return interactions.isEmpty() ? firstSeen : interactions.get(interactions.size() - 1).at();
    }
}
