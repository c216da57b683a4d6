package io.waymark.journey.domain.map;

import io.waymark.contracts.LifecycleStage;
import io.waymark.platform.domain.Invalid;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The rules of a journey map document. {@link #check} names every problem at once, each with its field path
 * ({@code stages[2].touchpoints[0].emotion}, {@code persona.goals[3]}); paths use list indexes because an
 * invalid document's keys cannot be trusted.
 */
public final class JourneyValidation {

    public static final int MAX_NAME = 120;
    public static final int MAX_DESCRIPTION = 2000;
    public static final int MAX_PERSONA_ITEMS = 20;
    public static final int MAX_PERSONA_ITEM = 300;
    public static final int MAX_QUOTE = 500;
    public static final int MAX_STAGES = 30;
    public static final int MAX_TOUCHPOINTS_PER_STAGE = 50;

    public static final Pattern TEAM = Pattern.compile("[a-z0-9_-]{1,40}");
    static final String TEAM_SHAPE = "1-40 lowercase letters, digits, '_' or '-'";
    public static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
    public static final String KEY_SHAPE = "1-64 lowercase letters, digits, '_' or '-', starting with a letter or digit";
    private static final String LIFECYCLE_STAGES = Arrays.toString(LifecycleStage.values());

    private JourneyValidation() {
    }

    /** Returns when the document is a valid journey map; otherwise throws {@link Invalid} naming every problem. */
    /** Whether text can be stored and drawn: no control characters but tab and line breaks. */
    public static boolean isPrintable(String text) {
        return FieldProblems.printable(text);
    }

    public static void check(JourneyDocument doc) throws Invalid {
        FieldProblems problems = new FieldProblems();
        if (doc == null) {
            problems.add("document", "required: a journey map");
        } else {
            checkMap(doc, problems);
        }
        problems.throwIfAny("invalid journey map");
    }

    private static void checkMap(JourneyDocument doc, FieldProblems problems) {
        problems.requiredText("name", doc.name(), MAX_NAME);
        problems.optionalText("description", doc.description(), MAX_DESCRIPTION);
        problems.required("ownerTeam", doc.ownerTeam(), TEAM, TEAM_SHAPE);
        checkPersona(doc.persona(), problems);
        checkStages(doc.stages(), problems);
    }

    private static void checkPersona(Persona persona, FieldProblems problems) {
        if (persona == null) {
            problems.add("persona", "required: who the map is drawn for");
            return;
        }
        problems.requiredText("persona.name", persona.name(), MAX_NAME);
        problems.optionalText("persona.description", persona.description(), MAX_DESCRIPTION);
        problems.textList("persona.goals", persona.goals(), MAX_PERSONA_ITEMS, MAX_PERSONA_ITEM, "goals");
        problems.textList("persona.frustrations", persona.frustrations(), MAX_PERSONA_ITEMS, MAX_PERSONA_ITEM,
                "frustrations");
        problems.optionalText("persona.quote", persona.quote(), MAX_QUOTE);
    }

    private static void checkStages(List<Stage> stages, FieldProblems problems) {
        if (stages.isEmpty()) {
            problems.add("stages", "at least 1 stage");
        }
        problems.atMost("stages", stages, MAX_STAGES, "stages");
        Map<String, String> stageKeys = new HashMap<>();
        Map<String, String> touchpointKeys = new HashMap<>();
        for (int s = 0; s < stages.size(); s++) {
            String path = "stages[" + s + "]";
            Stage stage = stages.get(s);
            if (stage == null) {
                problems.add(path, "required: a stage");
                continue;
            }
            uniqueKey(path + ".key", stage.key(), stageKeys, problems);
            problems.requiredText(path + ".name", stage.name(), MAX_NAME);
            if (stage.lifecycleStage() == null) {
                problems.add(path + ".lifecycleStage", "required, one of " + LIFECYCLE_STAGES);
            }
            problems.optionalText(path + ".description", stage.description(), MAX_DESCRIPTION);
            List<Touchpoint> touchpoints = stage.touchpoints();
            problems.atMost(path + ".touchpoints", touchpoints, MAX_TOUCHPOINTS_PER_STAGE, "touchpoints");
            for (int t = 0; t < touchpoints.size(); t++) {
                String touchpointPath = path + ".touchpoints[" + t + "]";
                Touchpoint touchpoint = touchpoints.get(t);
                if (touchpoint == null) {
                    problems.add(touchpointPath, "required: a touchpoint");
                    continue;
                }
                uniqueKey(touchpointPath + ".key", touchpoint.key(), touchpointKeys, problems);
                TouchpointValidation.check(touchpointPath, touchpoint, problems);
            }
        }
    }

    /** A well-formed key not seen before; a duplicate is named where it occurs again, pointing at the first. */
    private static void uniqueKey(String field, String key, Map<String, String> seen, FieldProblems problems) {
        if (key == null) {
            problems.add(field, "required, " + KEY_SHAPE);
        } else if (problems.matches(field, key, KEY, KEY_SHAPE)) {
            String first = seen.putIfAbsent(key, field);
            if (first != null) {
                problems.add(field, "duplicate key '" + key + "', already used at " + first);
            }
        }
    }
}
