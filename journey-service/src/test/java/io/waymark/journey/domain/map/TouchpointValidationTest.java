package io.waymark.journey.domain.map;

import static io.waymark.journey.domain.map.JourneyFixtures.at;
import static io.waymark.journey.domain.map.JourneyFixtures.problems;
import static io.waymark.journey.domain.map.JourneyFixtures.repeat;
import static io.waymark.journey.domain.map.JourneyFixtures.validWith;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The rules of one touchpoint, applied to the first touchpoint of the second stage. */
class TouchpointValidationTest {

    private static final String PATH = "stages[1].touchpoints[0].";
    private static final String CHANNELS = "web, mobile_app, email, sms, phone, chat, social, store, event, partner, other";

    private static List<String> problemsAfter(Consumer<ObjectNode> change) {
        return problems(validWith(t -> change.accept(at(t, "/stages/1/touchpoints/0"))));
    }

    private static void valid(Consumer<ObjectNode> change) {
        assertDoesNotThrow(() -> JourneyValidation.check(validWith(t -> change.accept(at(t, "/stages/1/touchpoints/0")))));
    }

    @Test
    void name() {
        assertEquals(List.of(PATH + "name: required, 1-120 characters"), problemsAfter(t -> t.remove("name")));
        assertEquals(List.of(PATH + "name: at most 120 characters (has 121)"), problemsAfter(t -> t.put("name", repeat('n', 121))));
    }

    @Test
    void channel() {
        assertEquals(List.of(PATH + "channel: required, one of " + CHANNELS), problemsAfter(t -> t.remove("channel")));
        assertEquals(List.of(PATH + "channel: one of " + CHANNELS), problemsAfter(t -> t.put("channel", "fax")));
        assertEquals(List.of(PATH + "channel: one of " + CHANNELS), problemsAfter(t -> t.put("channel", "WEB")));
        for (String channel : Channel.VALUES) {
            valid(t -> t.put("channel", channel));
        }
    }

    @Test
    void ownerTeamActionAndGoal() {
        assertEquals(List.of(PATH + "ownerTeam: required, 1-40 lowercase letters, digits, '_' or '-'"),
                problemsAfter(t -> t.remove("ownerTeam")));
        assertEquals(List.of(PATH + "ownerTeam: 1-40 lowercase letters, digits, '_' or '-'"),
                problemsAfter(t -> t.put("ownerTeam", "Sales")));
        assertEquals(List.of(PATH + "action: at most 500 characters (has 501)", PATH + "goal: at most 500 characters (has 501)"),
                problemsAfter(t -> t.put("action", repeat('a', 501)).put("goal", repeat('g', 501))));
        valid(t -> t.put("action", repeat('a', 500)).put("goal", ""));
    }

    @Test
    void emotion() {
        assertEquals(List.of(PATH + "emotion: required, -2 to 2"), problemsAfter(t -> t.remove("emotion")));
        assertEquals(List.of(PATH + "emotion: -2 to 2 (is 3)"), problemsAfter(t -> t.put("emotion", 3)));
        assertEquals(List.of(PATH + "emotion: -2 to 2 (is -3)"), problemsAfter(t -> t.put("emotion", -3)));
        valid(t -> t.put("emotion", -2));
        valid(t -> t.put("emotion", 2));
    }

    @Test
    void expectedDuration() {
        String field = PATH + "expectedDuration: ";
        assertEquals(List.of(field + "an ISO-8601 duration such as PT5M or P1DT2H"),
                problemsAfter(t -> t.put("expectedDuration", "5 minutes")));
        assertEquals(List.of(field + "an ISO-8601 duration such as PT5M or P1DT2H"),
                problemsAfter(t -> t.put("expectedDuration", "P1M")));
        assertEquals(List.of(field + "must be positive"), problemsAfter(t -> t.put("expectedDuration", "PT0S")));
        assertEquals(List.of(field + "must be positive"), problemsAfter(t -> t.put("expectedDuration", "-PT5M")));
        assertEquals(List.of(field + "at most 30 days (P30D)"), problemsAfter(t -> t.put("expectedDuration", "P30DT1S")));
        valid(t -> t.put("expectedDuration", "P30D"));
        valid(t -> t.put("expectedDuration", "PT720H"));
        valid(t -> t.put("expectedDuration", "PT1S"));
        valid(t -> t.remove("expectedDuration"));
    }

    @Test
    void painPoints() {
        assertEquals(List.of(PATH + "painPoints[0].text: required, 1-500 characters",
                        PATH + "painPoints[0].severity: required, 1 to 3",
                        PATH + "painPoints[1].text: at most 500 characters (has 501)",
                        PATH + "painPoints[1].severity: 1 to 3 (is 0)",
                        PATH + "painPoints[2].severity: 1 to 3 (is 4)"),
                problemsAfter(t -> {
                    ArrayNode painPoints = t.putArray("painPoints");
                    painPoints.addObject();
                    painPoints.addObject().put("text", repeat('p', 501)).put("severity", 0);
                    painPoints.addObject().put("text", "Slow").put("severity", 4);
                    painPoints.addObject().put("text", "Slow").put("severity", 1);
                    painPoints.addObject().put("text", "Slow").put("severity", 3);
                }));
        assertEquals(List.of(PATH + "painPoints: at most 20 pain points (has 21)"), problemsAfter(t -> {
            ArrayNode painPoints = t.putArray("painPoints");
            for (int i = 0; i < 21; i++) {
                painPoints.addObject().put("text", "Pain " + i).put("severity", 2);
            }
        }));
    }

    @Test
    void opportunities() {
        assertEquals(List.of(PATH + "opportunities[0].text: required, 1-500 characters",
                        PATH + "opportunities[0].status: required, one of idea, planned, done",
                        PATH + "opportunities[1].text: must not be blank, 1-500 characters",
                        PATH + "opportunities[1].ownerTeam: 1-40 lowercase letters, digits, '_' or '-'",
                        PATH + "opportunities[1].status: one of idea, planned, done"),
                problemsAfter(t -> {
                    ArrayNode opportunities = t.putArray("opportunities");
                    opportunities.addObject();
                    opportunities.addObject().put("text", " ").put("ownerTeam", "The Team").put("status", "wip");
                    opportunities.addObject().put("text", "Without an owner").put("status", "idea");
                    opportunities.addObject().put("text", "Planned").put("ownerTeam", "sales").put("status", "planned");
                    opportunities.addObject().put("text", repeat('o', 500)).put("ownerTeam", "sales").put("status", "done");
                }));
        assertEquals(List.of(PATH + "opportunities: at most 20 opportunities (has 21)"), problemsAfter(t -> {
            ArrayNode opportunities = t.putArray("opportunities");
            for (int i = 0; i < 21; i++) {
                opportunities.addObject().put("text", "Idea " + i).put("status", "idea");
            }
        }));
    }

    @Test
    void interactionTypes() {
        String shape = "1-64 letters, digits, '_', '.' or '-'";
        assertEquals(List.of(PATH + "interactionTypes[1]: " + shape,
                        PATH + "interactionTypes[2]: " + shape,
                        PATH + "interactionTypes[4]: duplicate interaction type 'purchase', already at "
                                + PATH + "interactionTypes[0]"),
                problemsAfter(t -> t.putArray("interactionTypes").add("purchase").add("checkout started")
                        .add(repeat('x', 65)).add("Order.Placed-v2").add("purchase")));
        assertEquals(List.of(PATH + "interactionTypes: at most 20 interaction types (has 21)"), problemsAfter(t -> {
            ArrayNode types = t.putArray("interactionTypes");
            for (int i = 0; i < 21; i++) {
                types.add("type_" + i);
            }
        }));
        valid(t -> t.putArray("interactionTypes").add(repeat('x', 64)).add("PURCHASE").add("purchase"));
    }
}
