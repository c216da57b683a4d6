package io.waymark.journey.domain.map;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The rules of one touchpoint (its key's uniqueness is the map's business: {@link JourneyValidation}). */
public final class TouchpointValidation {

    static final int MAX_TEXT = 500;
    static final int MAX_ITEMS = 20;
    static final int MIN_EMOTION = -2;
    static final int MAX_EMOTION = 2;
    static final Duration MAX_DURATION = Duration.ofDays(30);
    public static final Pattern INTERACTION_TYPE = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    public static final String INTERACTION_TYPE_SHAPE = "1-64 letters, digits, '_', '.' or '-'";

    private TouchpointValidation() {
    }

    static void check(String path, Touchpoint touchpoint, FieldProblems problems) {
        problems.requiredText(path + ".name", touchpoint.name(), JourneyValidation.MAX_NAME);
        checkChannel(path + ".channel", touchpoint.channel(), problems);
        problems.required(path + ".ownerTeam", touchpoint.ownerTeam(), JourneyValidation.TEAM,
                JourneyValidation.TEAM_SHAPE);
        problems.optionalText(path + ".action", touchpoint.action(), MAX_TEXT);
        problems.optionalText(path + ".goal", touchpoint.goal(), MAX_TEXT);
        problems.requiredRange(path + ".emotion", touchpoint.emotion(), MIN_EMOTION, MAX_EMOTION);
        checkDuration(path + ".expectedDuration", touchpoint.expectedDuration(), problems);
        checkPainPoints(path + ".painPoints", touchpoint.painPoints(), problems);
        checkOpportunities(path + ".opportunities", touchpoint.opportunities(), problems);
        checkInteractionTypes(path + ".interactionTypes", touchpoint.interactionTypes(), problems);
    }

    private static void checkChannel(String field, String channel, FieldProblems problems) {
        if (channel == null) {
            problems.add(field, "required, one of " + String.join(", ", Channel.VALUES));
        } else if (Channel.fromValue(channel).isEmpty()) {
            problems.add(field, "one of " + String.join(", ", Channel.VALUES));
        }
    }

    private static void checkDuration(String field, String value, FieldProblems problems) {
        if (value == null) {
            return;
        }
        Duration duration;
        try {
            duration = Duration.parse(value);
        } catch (DateTimeParseException e) {
            problems.add(field, "an ISO-8601 duration such as PT5M or P1DT2H");
            return;
        }
        if (duration.isNegative() || duration.isZero()) {
            problems.add(field, "must be positive");
        } else if (duration.compareTo(MAX_DURATION) > 0) {
            problems.add(field, "at most 30 days (P30D)");
        }
    }

    private static void checkPainPoints(String field, List<PainPoint> painPoints, FieldProblems problems) {
        problems.atMost(field, painPoints, MAX_ITEMS, "pain points");
        for (int i = 0; i < painPoints.size(); i++) {
            String path = field + "[" + i + "]";
            PainPoint painPoint = painPoints.get(i);
            if (painPoint == null) {
                problems.add(path, "required: a pain point");
                continue;
            }
            problems.requiredText(path + ".text", painPoint.text(), MAX_TEXT);
            problems.requiredRange(path + ".severity", painPoint.severity(), 1, 3);
        }
    }

    private static void checkOpportunities(String field, List<Opportunity> opportunities, FieldProblems problems) {
        problems.atMost(field, opportunities, MAX_ITEMS, "opportunities");
        for (int i = 0; i < opportunities.size(); i++) {
            String path = field + "[" + i + "]";
            Opportunity opportunity = opportunities.get(i);
            if (opportunity == null) {
                problems.add(path, "required: an opportunity");
                continue;
            }
            problems.requiredText(path + ".text", opportunity.text(), MAX_TEXT);
            // an idea need not have an owner yet; when it has one, it is a team like any other
            problems.optional(path + ".ownerTeam", opportunity.ownerTeam(), JourneyValidation.TEAM,
                    JourneyValidation.TEAM_SHAPE);
            if (opportunity.status() == null) {
                problems.add(path + ".status", "required, one of " + String.join(", ", OpportunityStatus.VALUES));
            } else if (OpportunityStatus.fromValue(opportunity.status()).isEmpty()) {
                problems.add(path + ".status", "one of " + String.join(", ", OpportunityStatus.VALUES));
            }
        }
    }

    private static void checkInteractionTypes(String field, List<String> types, FieldProblems problems) {
        problems.atMost(field, types, MAX_ITEMS, "interaction types");
        Map<String, String> seen = new HashMap<>();
        for (int i = 0; i < types.size(); i++) {
            String path = field + "[" + i + "]";
            String type = types.get(i);
            if (type == null) {
                problems.add(path, "required, " + INTERACTION_TYPE_SHAPE);
            } else if (problems.matches(path, type, INTERACTION_TYPE, INTERACTION_TYPE_SHAPE)) {
                String first = seen.putIfAbsent(type, path);
                if (first != null) {
                    problems.add(path, "duplicate interaction type '" + type + "', already at " + first);
                }
            }
        }
    }
}
