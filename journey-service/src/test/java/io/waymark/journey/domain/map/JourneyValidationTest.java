package io.waymark.journey.domain.map;

import static io.waymark.journey.domain.map.JourneyFixtures.VALID;
import static io.waymark.journey.domain.map.JourneyFixtures.at;
import static io.waymark.journey.domain.map.JourneyFixtures.fields;
import static io.waymark.journey.domain.map.JourneyFixtures.problems;
import static io.waymark.journey.domain.map.JourneyFixtures.read;
import static io.waymark.journey.domain.map.JourneyFixtures.repeat;
import static io.waymark.journey.domain.map.JourneyFixtures.tree;
import static io.waymark.journey.domain.map.JourneyFixtures.validWith;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.waymark.contracts.LifecycleStage;
import io.waymark.platform.domain.Invalid;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class JourneyValidationTest {

    @Test
    void theValidFixturePasses() {
        assertDoesNotThrow(() -> JourneyValidation.check(read(tree(VALID))));
    }

    @Test
    void mapFields() {
        assertEquals(List.of("name: required, 1-120 characters"), problems(validWith(t -> t.remove("name"))));
        assertEquals(List.of("name: must not be blank, 1-120 characters"), problems(validWith(t -> t.put("name", "  "))));
        assertEquals(List.of("name: at most 120 characters (has 121)"),
                problems(validWith(t -> t.put("name", repeat('n', 121)))));
        assertDoesNotThrow(() -> JourneyValidation.check(validWith(t -> t.put("name", repeat('n', 120)))));
        assertEquals(List.of("description: at most 2000 characters (has 2001)"),
                problems(validWith(t -> t.put("description", repeat('d', 2001)))));
        assertDoesNotThrow(() -> JourneyValidation.check(validWith(t -> t.remove("description"))));
        assertEquals(List.of("ownerTeam: required, 1-40 lowercase letters, digits, '_' or '-'"),
                problems(validWith(t -> t.remove("ownerTeam"))));
        assertEquals(List.of("ownerTeam: 1-40 lowercase letters, digits, '_' or '-'"),
                problems(validWith(t -> t.put("ownerTeam", "Product Team"))));
        assertEquals(List.of("ownerTeam"), fields(validWith(t -> t.put("ownerTeam", repeat('p', 41)))));
        assertDoesNotThrow(() -> JourneyValidation.check(validWith(t -> t.put("ownerTeam", "growth_team-2"))));
    }

    @Test
    void persona() {
        assertEquals(List.of("persona: required: who the map is drawn for"), problems(validWith(t -> t.remove("persona"))));
        assertEquals(List.of("persona.name", "persona.description", "persona.goals", "persona.goals[3]",
                        "persona.frustrations[0]", "persona.frustrations[1]", "persona.frustrations[2]", "persona.quote"),
                fields(validWith(t -> {
                    ObjectNode persona = at(t, "/persona");
                    persona.remove("name");
                    persona.put("description", repeat('d', 2001));
                    ArrayNode goals = persona.putArray("goals");
                    for (int i = 0; i < 21; i++) {
                        goals.add(i == 3 ? "" : "goal " + i);
                    }
                    persona.putArray("frustrations").addNull().add(repeat('f', 301)).add(" ").add(repeat('f', 300));
                    persona.put("quote", repeat('q', 501));
                })));
        assertEquals(List.of("persona.goals: at most 20 goals (has 21)", "persona.goals[0]: required, 1-300 characters"),
                problems(validWith(t -> {
                    ArrayNode goals = at(t, "/persona").putArray("goals").addNull();
                    for (int i = 1; i < 21; i++) {
                        goals.add("goal " + i);
                    }
                })));
        assertDoesNotThrow(() -> JourneyValidation.check(validWith(t -> {
            ObjectNode persona = at(t, "/persona");
            persona.remove(List.of("description", "goals", "frustrations", "quote"));
        })));
    }

    @Test
    void stageCount() {
        assertEquals(List.of("stages: at least 1 stage"), problems(validWith(t -> t.putArray("stages"))));
        assertEquals(List.of("stages: at least 1 stage"), problems(validWith(t -> t.remove("stages"))));
        List<Stage> stages = new ArrayList<>();
        for (int i = 0; i < 31; i++) {
            stages.add(new Stage("s" + i, "Stage " + i, LifecycleStage.RETENTION, null, List.of()));
        }
        assertEquals(List.of("stages: at most 30 stages (has 31)"),
                problems(new JourneyDocument("Map", null, "product", JourneyFixtures.persona(), stages)));
        assertDoesNotThrow(() -> JourneyValidation.check(
                new JourneyDocument("Map", null, "product", JourneyFixtures.persona(), stages.subList(0, 30))));
    }

    @Test
    void stageFields() {
        String keyShape = "1-64 lowercase letters, digits, '_' or '-', starting with a letter or digit";
        assertEquals(List.of("stages[0].key: required, " + keyShape), problems(validWith(t -> at(t, "/stages/0").remove("key"))));
        for (String badKey : List.of("Consider", "-consider", "_x", "con sider", "", repeat('k', 65))) {
            assertEquals(List.of("stages[1].key: " + keyShape),
                    problems(validWith(t -> at(t, "/stages/1").put("key", badKey))), badKey);
        }
        for (String goodKey : List.of("0", "a", "step-2_b", repeat('k', 64))) {
            assertDoesNotThrow(() -> JourneyValidation.check(validWith(t -> at(t, "/stages/1").put("key", goodKey))), goodKey);
        }
        assertEquals(List.of("stages[1].name: required, 1-120 characters",
                        "stages[1].lifecycleStage: required, one of [AWARENESS, CONSIDERATION, PURCHASE, ONBOARDING, RETENTION, ADVOCACY]",
                        "stages[1].description: at most 2000 characters (has 2001)"),
                problems(validWith(t -> {
                    ObjectNode stage = at(t, "/stages/1");
                    stage.remove("name");
                    stage.remove("lifecycleStage");
                    stage.put("description", repeat('d', 2001));
                })));
    }

    @Test
    void aDuplicateStageKeyIsNamedAtItsSecondOccurrence() {
        JourneyDocument doc = validWith(t -> {
            ArrayNode stages = (ArrayNode) t.get("stages");
            stages.addObject().put("key", "consider").put("name", "Again").put("lifecycleStage", "ADVOCACY");
            stages.addObject().put("key", "purchase").put("name", "Again").put("lifecycleStage", "ADVOCACY");
        });
        assertEquals(List.of("stages[2].key: duplicate key 'consider', already used at stages[0].key",
                "stages[3].key: duplicate key 'purchase', already used at stages[1].key"), problems(doc));
    }

    @Test
    void touchpointKeysAreUniqueAcrossTheWholeMapButMayRepeatAStageKey() {
        JourneyDocument doc = validWith(t -> {
            at(t, "/stages/1/touchpoints/1").put("key", "product-page");
            at(t, "/stages/1/touchpoints/0").put("key", "purchase");
        });
        assertEquals(List.of("stages[1].touchpoints[1].key: duplicate key 'product-page', already used at "
                + "stages[0].touchpoints[0].key"), problems(doc));
    }

    @Test
    void touchpointCountPerStage() {
        ObjectNode tree = tree(VALID);
        ArrayNode touchpoints = at(tree, "/stages/0").putArray("touchpoints");
        for (int i = 0; i < 51; i++) {
            touchpoints.addObject().put("key", "t" + i).put("name", "T").put("channel", "web")
                    .put("ownerTeam", "sales").put("emotion", 0);
        }
        assertEquals(List.of("stages[0].touchpoints: at most 50 touchpoints (has 51)"), problems(read(tree)));
        touchpoints.remove(50);
        assertDoesNotThrow(() -> JourneyValidation.check(read(tree)));
        at(tree, "/stages/0").putArray("touchpoints");
        assertDoesNotThrow(() -> JourneyValidation.check(read(tree)), "a stage may have no touchpoints yet");
    }

    @Test
    void manyProblemsAtOnceAreAllNamedWithTheirPaths() {
        JourneyDocument doc = validWith(t -> {
            t.put("name", "");
            t.put("ownerTeam", "Product");
            at(t, "/persona").putArray("goals").add("ok").add("ok").add("ok").add(repeat('g', 301));
            at(t, "/stages/1").put("key", "consider");
            at(t, "/stages/0/touchpoints/0").put("emotion", 5).put("channel", "fax");
            at(t, "/stages/0/touchpoints/0/painPoints/0").put("severity", 0);
            at(t, "/stages/1/touchpoints/0").put("expectedDuration", "soon");
            at(t, "/stages/1/touchpoints/1").put("key", "cart").remove("emotion");
        });
        assertEquals(List.of(
                "name",
                "ownerTeam",
                "persona.goals[3]",
                "stages[0].touchpoints[0].channel",
                "stages[0].touchpoints[0].emotion",
                "stages[0].touchpoints[0].painPoints[0].severity",
                "stages[1].key",
                "stages[1].touchpoints[0].expectedDuration",
                "stages[1].touchpoints[1].key",
                "stages[1].touchpoints[1].emotion"), fields(doc));
        Invalid invalid = assertThrows(Invalid.class, () -> JourneyValidation.check(doc));
        assertEquals("invalid journey map (10 problems)", invalid.getMessage());
    }

    @Test
    void nullsAreProblemsNotNullPointerExceptions() {
        assertEquals(List.of("document: required: a journey map"), problems(null));
        assertEquals(List.of("name", "ownerTeam", "persona", "stages"), fields(read(tree("{}"))));
        assertEquals(List.of("name", "ownerTeam", "persona", "stages"),
                fields(new JourneyDocument(null, null, null, null, null)));
        assertEquals(List.of("persona.name"), fields(new JourneyDocument("Map", null, "product",
                new Persona(null, null, null, null, null), List.of(JourneyFixtures.stage("s")))));
        assertEquals(List.of("stages[0]: required: a stage"),
                problems(validWith(t -> ((ArrayNode) t.get("stages")).insertNull(0).remove(1))));
        assertEquals(List.of("stages[1].touchpoints[1]: required: a touchpoint"),
                problems(validWith(t -> ((ArrayNode) at(t, "/stages/1").get("touchpoints")).setNull(1))));
        assertEquals(List.of("stages[0].touchpoints[0].painPoints[0]: required: a pain point",
                        "stages[0].touchpoints[0].opportunities[0]: required: an opportunity",
                        "stages[0].touchpoints[0].interactionTypes[1]: required, 1-64 letters, digits, '_', '.' or '-'"),
                problems(validWith(t -> {
                    ObjectNode touchpoint = at(t, "/stages/0/touchpoints/0");
                    touchpoint.putArray("painPoints").addNull();
                    touchpoint.putArray("opportunities").addNull();
                    touchpoint.putArray("interactionTypes").add("page_view").addNull();
                })));
        Touchpoint empty = new Touchpoint(null, null, null, null, null, null, null, null, null, null, null);
        assertEquals(List.of("stages[0].touchpoints[0].key", "stages[0].touchpoints[0].name",
                        "stages[0].touchpoints[0].channel", "stages[0].touchpoints[0].ownerTeam",
                        "stages[0].touchpoints[0].emotion"),
                fields(new JourneyDocument("Map", null, "product", JourneyFixtures.persona(),
                        List.of(new Stage("s", "S", LifecycleStage.AWARENESS, null, Arrays.asList(empty))))));
    }

    @Test
    void nullListsBecomeEmptyListsAndNullElementsAreKept() {
        Touchpoint touchpoint = new Touchpoint("t", "T", "web", "sales", null, null, 0, null, null, null, null);
        assertEquals(List.of(), touchpoint.painPoints());
        assertEquals(List.of(), touchpoint.opportunities());
        assertEquals(List.of(), touchpoint.interactionTypes());
        assertEquals(List.of(), new Stage("s", "S", null, null, null).touchpoints());
        assertEquals(List.of(), new JourneyDocument(null, null, null, null, null).stages());
        Persona persona = new Persona("P", null, Arrays.asList("a", null), null, null);
        assertEquals(Arrays.asList("a", null), persona.goals());
        assertEquals(List.of(), persona.frustrations());
        assertThrows(UnsupportedOperationException.class, () -> persona.goals().add("b"));
    }
}
