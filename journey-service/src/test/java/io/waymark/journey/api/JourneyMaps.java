package io.waymark.journey.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small journey map documents for tests, as JSON-ready maps that a test can change before sending. */
final class JourneyMaps {

    private JourneyMaps() {
    }

    static Map<String, Object> touchpoint(String key, String name, int emotion, String... interactionTypes) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("key", key);
        t.put("name", name);
        t.put("channel", "web");
        t.put("ownerTeam", "marketing");
        t.put("action", "does " + name.toLowerCase());
        t.put("goal", "get it done");
        t.put("emotion", emotion);
        t.put("expectedDuration", "PT5M");
        t.put("painPoints", List.of(Map.of("text", "slow page", "severity", 2)));
        t.put("opportunities", List.of(Map.of("text", "faster page", "ownerTeam", "product", "status", "idea")));
        t.put("interactionTypes", List.of(interactionTypes));
        return t;
    }

    static Map<String, Object> stage(String key, String name, String lifecycleStage, Map<String, Object>... touchpoints) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("key", key);
        s.put("name", name);
        s.put("lifecycleStage", lifecycleStage);
        s.put("description", name + " stage");
        s.put("touchpoints", new ArrayList<>(List.of(touchpoints)));
        return s;
    }

    /** A two-stage map owned by {@code team}. */
    static Map<String, Object> map(String name, String team) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("description", "a test map");
        m.put("ownerTeam", team);
        m.put("persona", Map.of("name", "Pat", "description", "buys online", "goals", List.of("find a gift"),
                "frustrations", List.of("hidden costs"), "quote", "Just tell me the price."));
        m.put("stages", new ArrayList<>(List.of(
                stage("discover", "Discover", "AWARENESS", touchpoint("ad", "Sees an ad", 1, "ad_click")),
                stage("buy", "Buy", "PURCHASE", touchpoint("cart", "Fills the cart", 0, "cart_updated"),
                        touchpoint("pay", "Pays", -1, "checkout_started", "purchase")))));
        return m;
    }
}
