package io.waymark.simulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.waymark.simulator.world.Scenario;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Agents working the cases unhappy answers opened on the world's journeys: a share is taken on, resolved with a
 * root cause and a note, and some of those closed; the rest stay open (the pain-point analysis counts them). Which
 * cases is decided by the answer's id and the seed, so a seeded world resolves the same ones.
 */
final class Agents {

    /** What the agents did. */
    record Work(long open, long resolved, long closed) {
    }

    private final Gateway gateway;
    private final Scenario.Agents agents;
    private final long seed;

    Agents(Gateway gateway, Scenario.Agents agents, long seed) {
        this.gateway = gateway;
        this.agents = agents;
        this.seed = seed;
    }

    Work work(Collection<UUID> journeys, Progress progress, int lanes) {
        List<JsonNode> cases = openCases(journeys);
        progress.grow(cases.size());
        AtomicLong resolved = new AtomicLong();
        AtomicLong closed = new AtomicLong();
        Lanes.run(lanes, lane -> {
            for (int i = lane; i < cases.size(); i += lanes) {
                JsonNode c = cases.get(i);
                String id = c.path("id").asText();
                double draw = unit(c.path("responseId").asText(id));
                if (draw < agents.resolve()) {
                    resolve(c, id, draw < agents.resolve() * agents.close());
                    resolved.incrementAndGet();
                    closed.addAndGet(draw < agents.resolve() * agents.close() ? 1 : 0);
                }
                progress.advance(1);
            }
        });
        return new Work(cases.size() - resolved.get(), resolved.get(), closed.get());
    }

    /** Taken on by an agent of the case's team, resolved with a root cause and a note, maybe closed. */
    private void resolve(JsonNode c, String id, boolean close) {
        String agent = agents.users().getOrDefault(c.path("team").asText(), WorldSetup.ADMIN);
        String path = "/api/cases/" + id;
        Gateway.expect(gateway.patch(agent, path, Map.of("status", "in_progress", "assignee", agent)), "take " + id, 200);
        String cause = agents.rootCauses().get((int) (unit(id + "/cause") * agents.rootCauses().size()));
        Gateway.expect(gateway.patch(agent, path, Map.of("status", "resolved", "rootCause", cause,
                "note", "Called the customer back and fixed it.")), "resolve " + id, 200);
        if (close) {
            Gateway.expect(gateway.patch(agent, path, Map.of("status", "closed")), "close " + id, 200);
        }
    }

    /** The open cases of these journeys, oldest first, page by page (an admin sees every team's). */
    private List<JsonNode> openCases(Collection<UUID> journeys) {
        List<JsonNode> out = new ArrayList<>();
        String cursor = null;
        do {
            String path = "/api/cases?status=open&limit=200" + (cursor == null ? ""
                    : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            JsonNode page = Gateway.expect(gateway.get(WorldSetup.ADMIN, path), "list open cases", 200).body();
            for (JsonNode c : page.path("items")) {
                if (journeys.contains(uuid(c.path("journeyId").asText(null)))) {
                    out.add(c);
                }
            }
            cursor = page.path("next").asText(null);
        } while (cursor != null);
        return out;
    }

    /** A number in [0, 1) from a text and the seed, the same every time. */
    private double unit(String text) {
        long h = seed;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ b) * 0x100000001B3L;
        }
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        return (h >>> 11) / (double) (1L << 53);
    }

    private static UUID uuid(String text) {
        try {
            return text == null ? null : UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
