package io.waymark.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.waymark.devstack.Settings;
import io.waymark.simulator.api.Gateway;
import io.waymark.simulator.api.Progress;
import io.waymark.simulator.api.WorldRun;
import io.waymark.simulator.world.MapDocument;
import io.waymark.simulator.world.Scenario;
import io.waymark.simulator.world.ScenarioLoader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** {@code ./waymark demo}: a world played into the running stack, then what to look at. */
final class Demo {

    static final int MAX_PEOPLE = 200_000;

    private Demo() {
    }

    static void run(Settings settings, Map<String, String> opts) {
        WorldRun.Options options = Main.demoOptions(settings, opts);
        if (!options.gatewayUrl().matches("http://(127\\.0\\.0\\.1|localhost)(:\\d+)?/?")) {
            throw new IllegalArgumentException("the simulator plays into a stack on this machine only, not " + options.gatewayUrl());
        }
        if (options.people() != null && (options.people() < 1 || options.people() > MAX_PEOPLE)) {
            throw new IllegalArgumentException("--customers is 1 to " + MAX_PEOPLE);
        }
        Progress progress = Progress.onConsole();
        WorldRun.Result result = new WorldRun(options).run(progress);
        if (result.skipped()) {
            System.out.println("demo: the stack already holds data; no demo world loaded (./waymark demo loads one anyway)");
            return;
        }
        print(settings, result);
    }

    private static void print(Settings settings, WorldRun.Result r) {
        WorldRun.Counts c = r.counts();
        String gw = settings.serviceUrl("gateway");
        String from = r.truth().world().from().toString();
        System.out.printf("%nDemo world loaded in %.0f s: %,d people (%,d customers, %,d anonymous visitors), %,d interactions, "
                        + "%,d survey answers (%,d through invitation links), %,d cases opened (%,d resolved by agents).%n",
                r.seconds(), c.people(), c.customers(), c.visitors(), c.interactions(), c.answers(), c.linkAnswers(),
                c.casesOpened(), c.casesResolved());
        System.out.println("What to look at (as demo-analyst; README \"Try it\" has the token helper):");
        System.out.println("  customers per stage:  " + gw + "/api/analytics/stages");
        System.out.println("  lifecycle funnel:     " + gw + "/api/analytics/funnel?from=" + from);
        System.out.println("  NPS by touchpoint:    " + gw + "/api/analytics/experience?metric=nps&by=touchpoint&from=" + from);
        r.journeyIds().forEach((key, id) -> {
            System.out.println("  " + key + ": pain points  " + gw + "/api/analytics/journeys/" + id + "/pain-points?from=" + from);
            System.out.println("  " + " ".repeat(key.length()) + "  the map      " + gw + "/api/journeys/" + id
                    + "/map.svg?version=1&overlay=actual");
        });
        System.out.println("  open cases (demo-agent, team support): " + gw + "/api/cases?status=open");
        System.out.println("  Swagger UI: " + gw + "/q/swagger-ui");
        System.out.println("What the world really was (conversion, scores, who churned and why): "
                + r.output().resolve("truth.json"));
    }

    /** The world's traffic for the load generator, on the world's maps if the stack has them published. */
    static TrafficSource traffic(Settings settings, Path worldFile, long seed) {
        Scenario scenario = ScenarioLoader.load(worldFile);
        Gateway gateway = new Gateway(settings.serviceUrl("gateway"), settings.keycloakUrl());
        Map<String, UUID> ids = new LinkedHashMap<>();
        for (Scenario.Journey j : scenario.journeys()) {
            String name = MapDocument.name(j.map());
            JsonNode found = gateway.get("demo-analyst", "/api/journeys?status=published&limit=200&q="
                    + URLEncoder.encode(name, StandardCharsets.UTF_8)).body();
            for (JsonNode item : found.path("items")) {
                if (item.path("name").asText().startsWith(name)) {
                    ids.put(j.key(), UUID.fromString(item.path("id").asText()));
                    break;
                }
            }
        }
        WorldTraffic traffic = new WorldTraffic(scenario, seed, 2000, ids);
        System.out.printf("the world's traffic: %,d interactions of 2,000 people, on %s%n", traffic.size(),
                ids.isEmpty() ? "no published map of the world (placed by type)" : "the published maps " + ids.keySet());
        return traffic;
    }
}
