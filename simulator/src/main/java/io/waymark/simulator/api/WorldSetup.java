package io.waymark.simulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.waymark.simulator.world.MapDocument;
import io.waymark.simulator.world.Scenario;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a world needs before people arrive: the default lifecycle rules it was designed for (checked), its journey
 * maps created and published by their authors, an active survey at every touchpoint with feedback (owned by the
 * touchpoint's team, so cases go there), and a segment of the world's customers.
 */
final class WorldSetup {

    /** The default rules (docs/lifecycle-rules.md): fixed ids 01–05, the moves the world plays. */
    static final List<String> DEFAULT_RULES = List.of("01900000-0000-7000-8000-000000000001",
            "01900000-0000-7000-8000-000000000002", "01900000-0000-7000-8000-000000000003",
            "01900000-0000-7000-8000-000000000004", "01900000-0000-7000-8000-000000000005");
    static final String DESIGNER = "demo-designer";
    static final String ANALYST = "demo-analyst";
    static final String ADMIN = "demo-admin";

    private final Gateway gateway;

    WorldSetup(Gateway gateway) {
        this.gateway = gateway;
    }

    /** Refuses a stack whose default rules were changed or disabled: the world's truth assumes them. */
    void checkRules() {
        for (String id : DEFAULT_RULES) {
            Gateway.Answer rule = gateway.get(ANALYST, "/api/lifecycle-rules/" + id);
            if (rule.status() != 200 || !rule.body().path("enabled").asBoolean()) {
                throw new IllegalStateException("the default lifecycle rule " + id + " is missing or disabled ("
                        + rule.status() + "); the simulated world assumes the default rule set (docs/lifecycle-rules.md)");
            }
        }
    }

    /** Creates and publishes each map (named for the world when {@code suffix} is given); journey key → id. */
    Map<String, UUID> publishMaps(Scenario scenario, String suffix) {
        Map<String, UUID> ids = new LinkedHashMap<>();
        for (Scenario.Journey j : scenario.journeys()) {
            ObjectNode doc = j.map().deepCopy();
            if (suffix != null) {
                doc.put("name", shorten(MapDocument.name(j.map()) + " (" + suffix + ")", 120));
            }
            Gateway.Answer created = Gateway.expect(gateway.post(j.author(), "/api/journeys", doc), "create map " + j.key(), 201);
            UUID id = UUID.fromString(created.text("id"));
            Gateway.expect(gateway.post(j.author(), "/api/journeys/" + id + "/publish", null), "publish map " + j.key(), 200, 201);
            ids.put(j.key(), id);
        }
        return ids;
    }

    /** An active survey per touchpoint with feedback; "journey:touchpoint" → survey id. */
    Map<String, UUID> activateSurveys(Scenario scenario, Map<String, UUID> journeyIds) {
        Map<String, UUID> surveys = new LinkedHashMap<>();
        for (Scenario.Journey j : scenario.journeys()) {
            Map<String, MapDocument.Touchpoint> designed = MapDocument.touchpoints(j.map());
            j.touchpoints().forEach((key, b) -> {
                if (b.feedback() == null) {
                    return;
                }
                MapDocument.Touchpoint t = designed.get(key);
                Map<String, Object> body = Map.of("name", shorten(b.feedback().survey() + " at " + t.name(), 120),
                        "kind", b.feedback().survey(), "question", question(b.feedback().survey(), t.name()),
                        "followUp", "What is the main reason for your answer?",
                        "target", Map.of("journeyId", journeyIds.get(j.key()).toString(), "touchpointKey", key),
                        "owningTeam", t.ownerTeam());
                Gateway.Answer created = Gateway.expect(gateway.post(DESIGNER, "/api/surveys", body), "create survey at " + key, 201);
                UUID id = UUID.fromString(created.text("id"));
                Gateway.expect(gateway.post(DESIGNER, "/api/surveys/" + id + "/activate", null), "activate survey " + id, 200);
                surveys.put(j.key() + ":" + key, id);
            });
        }
        return surveys;
    }

    /** A saved segment of the world's customers (trait {@code world}): its funnel is GET /api/analytics/funnel?segment=. */
    UUID segment(String namespace, String worldName) {
        Map<String, Object> body = Map.of("name", shorten("Simulated: " + worldName + " " + namespace, 120),
                "filter", "traits.world = \"" + namespace + "\"");
        return UUID.fromString(Gateway.expect(gateway.post(ANALYST, "/api/segments", body), "create segment", 201).text("id"));
    }

    /** True when the stack holds any journey map or customer: the first-start demo then leaves it alone. */
    boolean hasData() {
        JsonNode maps = Gateway.expect(gateway.get(ANALYST, "/api/journeys?limit=1"), "list maps", 200).body();
        JsonNode customers = Gateway.expect(gateway.get(ANALYST, "/api/customers?limit=1"), "list customers", 200).body();
        return maps.path("items").size() > 0 || customers.path("items").size() > 0;
    }

    private static String question(String kind, String touchpoint) {
        return switch (kind) {
            case "NPS" -> "How likely are you to recommend us to a friend or colleague?";
            case "CSAT" -> "How satisfied were you with " + touchpoint.toLowerCase(java.util.Locale.ROOT) + "?";
            default -> "How easy was it to get what you needed at " + touchpoint.toLowerCase(java.util.Locale.ROOT) + "?";
        };
    }

    static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
