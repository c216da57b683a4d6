package io.waymark.simulator.world;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the simulator reads from a journey map document (the JSON journey-service takes): its touchpoints. */
public final class MapDocument {

    /** A touchpoint as the map designs it: where it sits, its channel, the team that owns it. */
    public record Touchpoint(String key, String name, String stageKey, String lifecycleStage, String channel,
                             String ownerTeam) {
    }

    private MapDocument() {
    }

    /** Touchpoint keys in the designed order: stage by stage, as drawn (the analytics' order). */
    public static List<String> touchpointKeys(JsonNode map) {
        return touchpoints(map).values().stream().map(Touchpoint::key).toList();
    }

    public static Map<String, Touchpoint> touchpoints(JsonNode map) {
        Map<String, Touchpoint> out = new LinkedHashMap<>();
        String mapOwner = map.path("ownerTeam").asText(null);
        for (JsonNode stage : map.path("stages")) {
            for (JsonNode t : stage.path("touchpoints")) {
                String key = t.path("key").asText();
                out.put(key, new Touchpoint(key, t.path("name").asText(key), stage.path("key").asText(),
                        stage.path("lifecycleStage").asText(null), t.path("channel").asText("other"),
                        t.path("ownerTeam").asText(mapOwner)));
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("the journey map has no touchpoints");
        }
        return out;
    }

    public static String name(JsonNode map) {
        return map.path("name").asText("a journey");
    }

    public static List<String> stageKeys(JsonNode map) {
        List<String> keys = new ArrayList<>();
        map.path("stages").forEach(s -> keys.add(s.path("key").asText()));
        return keys;
    }
}
