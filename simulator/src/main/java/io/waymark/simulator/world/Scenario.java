package io.waymark.simulator.world;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * A simulated world as data (a YAML file, docs/scenarios.md): the journey maps people walk, who they are
 * (personas), how they behave at each touchpoint, what they say, why they leave, and what agents do with cases.
 * Read by {@link ScenarioLoader}, which also checks it.
 */
public record Scenario(String name, int days, int arrivalDays, int people, List<Journey> journeys, List<Persona> personas,
                       Churn churn, Agents agents, Links links, Map<String, List<String>> comments) {

    /** A journey map and how people walk it; {@code map} is the map document (read from the file the YAML names). */
    public record Journey(String key, String mapFile, JsonNode map, String author, Map<String, Double> start,
                          Activity activity, Map<String, TouchpointBehaviour> touchpoints) {

        public TouchpointBehaviour behaviour(String touchpointKey) {
            return touchpoints.get(touchpointKey);
        }
    }

    /** Repeated use by customers who reached RETENTION, until they go silent: one interaction every few days. */
    public record Activity(String touchpoint, String type, double everyDays) {
    }

    /**
     * What happens at one touchpoint. {@code visit}: the chance of stopping here on the way (1: everyone passing);
     * {@code types}: the interactions a visit records, in order; {@code onGoOn}: those recorded only by people who
     * go on (a purchase at a checkout); {@code goOn}: the chance of going on to a later touchpoint; {@code delay}:
     * the time until the next touchpoint; {@code identifies}: anonymous visitors leave their email here;
     * {@code bad}: a deliberately bad touchpoint (the pain-point analysis must find it); {@code churn}: what
     * hitting it adds to the chance of going silent; {@code feedback}: the survey here, if any.
     */
    public record TouchpointBehaviour(double visit, List<String> types, List<String> onGoOn, double goOn, Delay delay,
                                      boolean identifies, boolean bad, double churn, Feedback feedback) {
    }

    /**
     * A survey at a touchpoint: kind (NPS 0–10, CSAT 1–5, CES 1–7, low is easy), the chance a visitor answers,
     * the weights of each score on the scale (lowest first), the chance of a comment, and phrases by mood
     * (happy, neutral, unhappy) that replace the world's own.
     */
    public record Feedback(String survey, double chance, List<Double> scores, double comments,
                           Map<String, List<String>> phrases) {
    }

    /**
     * Who people are: share of the population, the journey they come for, the share who browse anonymously
     * before leaving an email, who consent to surveys, how willing to answer (multiplies each survey's chance),
     * the base chance of going silent after buying, the chance of calling support once a customer, and traits.
     */
    public record Persona(String key, String name, double share, String journey, double anonymousFirst,
                          double consents, double answers, double churn, double support, Map<String, Object> traits) {
    }

    /**
     * Churn as the analytics defines it: bought, then no interaction for {@code silentDays}. {@code detractor}:
     * what an unhappy answer adds to the chance of going silent; a churner goes silent {@code afterDays} (mean)
     * after their last step; {@code supportJourney}: the journey customers walk when they call support.
     */
    public record Churn(int silentDays, double detractor, double afterDays, String supportJourney, double supportAfterDays) {
    }

    /** What agents do with the cases unhappy answers open: the share they resolve, of those the share closed. */
    public record Agents(double resolve, double close, Map<String, String> users, List<String> rootCauses) {
    }

    /** How many of the newest answers (of customers who consented) come through invitation links instead. */
    public record Links(int answers) {
    }

    /**
     * The same world over {@code newDays} days, people arriving over the same share of them (a longer history for
     * analyses that need one, such as churn training's horizon and time-based split).
     */
    public Scenario over(int newDays) {
        if (newDays < 1) {
            throw new IllegalArgumentException("a world lasts at least a day, not " + newDays);
        }
        int arrival = Math.max(1, (int) Math.round((double) arrivalDays * newDays / days));
        return new Scenario(name, newDays, arrival, people, journeys, personas, churn, agents, links, comments);
    }

    public Journey journey(String key) {
        return journeys.stream().filter(j -> j.key().equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no journey " + key));
    }
}
