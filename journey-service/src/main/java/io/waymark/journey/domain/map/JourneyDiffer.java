package io.waymark.journey.domain.map;

import io.waymark.journey.domain.map.JourneyDiff.Change;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/** Works out one {@link JourneyDiff}; see there for the order and meaning of the changes. */
final class JourneyDiffer {

    /** A stage or touchpoint with the key of the stage that holds it and its 0-based position there. */
    private record Placed<T>(String stageKey, int position, T item) {
    }

    private final JourneyDocument from;
    private final JourneyDocument to;
    private final Map<String, Placed<Stage>> fromStages;
    private final Map<String, Placed<Stage>> toStages;
    private final Map<String, Placed<Touchpoint>> fromTouchpoints;
    private final Map<String, Placed<Touchpoint>> toTouchpoints;
    private final List<Change> changes = new ArrayList<>();

    JourneyDiffer(JourneyDocument from, JourneyDocument to) {
        this.from = from;
        this.to = to;
        this.fromStages = stagesByKey(from, "from");
        this.toStages = stagesByKey(to, "to");
        this.fromTouchpoints = touchpointsByKey(from, "from");
        this.toTouchpoints = touchpointsByKey(to, "to");
    }

    List<Change> changes() {
        field("name", from.name(), to.name());
        field("description", from.description(), to.description());
        field("ownerTeam", from.ownerTeam(), to.ownerTeam());
        persona(from.persona(), to.persona());
        stages();
        return changes;
    }

    private void persona(Persona before, Persona after) {
        personaField("name", before, after, Persona::name);
        personaField("description", before, after, Persona::description);
        personaField("goals", before, after, Persona::goals);
        personaField("frustrations", before, after, Persona::frustrations);
        personaField("quote", before, after, Persona::quote);
    }

    private void personaField(String name, Persona before, Persona after, Function<Persona, Object> value) {
        field("persona." + name, before == null ? null : value.apply(before),
                after == null ? null : value.apply(after));
    }

    private void stages() {
        Set<String> inOrder = KeyOrder.keptInOrder(List.copyOf(fromStages.keySet()), List.copyOf(toStages.keySet()));
        List<Stage> stages = to.stages();
        for (int position = 0; position < stages.size(); position++) {
            Stage stage = stages.get(position);
            String path = stagePath(stage.key());
            Placed<Stage> before = fromStages.get(stage.key());
            if (before == null) {
                add(Change.STAGE_ADDED, path, null, stage);
                touchpoints(stage, null);
                continue;
            }
            if (!inOrder.contains(stage.key())) {
                add(Change.STAGE_MOVED, path, before.position(), position);
            }
            Stage was = before.item();
            field(path + ".name", was.name(), stage.name());
            field(path + ".lifecycleStage", was.lifecycleStage(), stage.lifecycleStage());
            field(path + ".description", was.description(), stage.description());
            touchpoints(stage, was);
        }
        for (Stage stage : from.stages()) {
            if (!toStages.containsKey(stage.key())) {
                add(Change.STAGE_REMOVED, stagePath(stage.key()), stage, null);
            }
        }
    }

    /**
     * The touchpoints of a stage of the new version; {@code was} is the same stage in the old version, or null
     * when the stage is new (its new touchpoints are then part of the stage-added change and not listed).
     * Touchpoints that left the map with a removed stage are likewise part of that stage-removed change.
     */
    private void touchpoints(Stage stage, Stage was) {
        String stageKey = stage.key();
        List<String> stayedBefore = was == null ? List.of() : keysStayingIn(stageKey, was.touchpoints(), toTouchpoints);
        List<String> stayedAfter = keysStayingIn(stageKey, stage.touchpoints(), fromTouchpoints);
        Set<String> inOrder = KeyOrder.keptInOrder(stayedBefore, stayedAfter);
        List<Touchpoint> touchpoints = stage.touchpoints();
        for (int position = 0; position < touchpoints.size(); position++) {
            Touchpoint touchpoint = touchpoints.get(position);
            String path = touchpointPath(stageKey, touchpoint.key());
            Placed<Touchpoint> before = fromTouchpoints.get(touchpoint.key());
            if (before == null) {
                if (was != null) {
                    add(Change.TOUCHPOINT_ADDED, path, null, touchpoint);
                }
                continue;
            }
            if (!before.stageKey().equals(stageKey) || !inOrder.contains(touchpoint.key())) {
                add(Change.TOUCHPOINT_MOVED, path, before.stageKey() + "#" + before.position(),
                        stageKey + "#" + position);
            }
            touchpointFields(path, before.item(), touchpoint);
        }
        if (was != null) {
            for (Touchpoint touchpoint : was.touchpoints()) {
                if (!toTouchpoints.containsKey(touchpoint.key())) {
                    add(Change.TOUCHPOINT_REMOVED, touchpointPath(stageKey, touchpoint.key()), touchpoint, null);
                }
            }
        }
    }

    private void touchpointFields(String path, Touchpoint was, Touchpoint now) {
        field(path + ".name", was.name(), now.name());
        field(path + ".channel", was.channel(), now.channel());
        field(path + ".ownerTeam", was.ownerTeam(), now.ownerTeam());
        field(path + ".action", was.action(), now.action());
        field(path + ".goal", was.goal(), now.goal());
        field(path + ".emotion", was.emotion(), now.emotion());
        field(path + ".expectedDuration", was.expectedDuration(), now.expectedDuration());
        field(path + ".painPoints", was.painPoints(), now.painPoints());
        field(path + ".opportunities", was.opportunities(), now.opportunities());
        field(path + ".interactionTypes", was.interactionTypes(), now.interactionTypes());
    }

    /** The keys of these touchpoints that are in stage {@code stageKey} in the other version too. */
    private static List<String> keysStayingIn(String stageKey, List<Touchpoint> touchpoints,
                                              Map<String, Placed<Touchpoint>> otherVersion) {
        return touchpoints.stream().map(Touchpoint::key)
                .filter(key -> otherVersion.containsKey(key) && otherVersion.get(key).stageKey().equals(stageKey))
                .toList();
    }

    private void field(String path, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            add(Change.CHANGED, path, before, after);
        }
    }

    private void add(String kind, String path, Object before, Object after) {
        changes.add(new Change(kind, path, before, after));
    }

    private static String stagePath(String stageKey) {
        return "stages[" + stageKey + "]";
    }

    private static String touchpointPath(String stageKey, String touchpointKey) {
        return stagePath(stageKey) + ".touchpoints[" + touchpointKey + "]";
    }

    private static Map<String, Placed<Stage>> stagesByKey(JourneyDocument doc, String which) {
        Map<String, Placed<Stage>> byKey = new LinkedHashMap<>();
        List<Stage> stages = doc.stages();
        for (int position = 0; position < stages.size(); position++) {
            Stage stage = stages.get(position);
            String key = stage == null ? null : stage.key();
            if (key == null || byKey.putIfAbsent(key, new Placed<>(key, position, stage)) != null) {
                throw new IllegalArgumentException("the " + which + " map has a stage without a unique key at stages["
                        + position + "]; diff validated maps");
            }
        }
        return byKey;
    }

    private static Map<String, Placed<Touchpoint>> touchpointsByKey(JourneyDocument doc, String which) {
        Map<String, Placed<Touchpoint>> byKey = new LinkedHashMap<>();
        for (Stage stage : doc.stages()) {
            List<Touchpoint> touchpoints = stage.touchpoints();
            for (int position = 0; position < touchpoints.size(); position++) {
                Touchpoint touchpoint = touchpoints.get(position);
                String key = touchpoint == null ? null : touchpoint.key();
                if (key == null || byKey.putIfAbsent(key, new Placed<>(stage.key(), position, touchpoint)) != null) {
                    throw new IllegalArgumentException("the " + which + " map has a touchpoint without a unique key"
                            + " at stages[" + stage.key() + "].touchpoints[" + position + "]; diff validated maps");
                }
            }
        }
        return byKey;
    }
}
