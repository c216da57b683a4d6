package io.waymark.simulator.world;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.waymark.simulator.world.Scenario.Activity;
import io.waymark.simulator.world.Scenario.Agents;
import io.waymark.simulator.world.Scenario.Churn;
import io.waymark.simulator.world.Scenario.Feedback;
import io.waymark.simulator.world.Scenario.Journey;
import io.waymark.simulator.world.Scenario.Links;
import io.waymark.simulator.world.Scenario.Persona;
import io.waymark.simulator.world.Scenario.TouchpointBehaviour;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a world file (YAML, docs/scenarios.md) and the journey maps it names (JSON, paths relative to the world
 * file), fills in defaults and refuses what cannot be played, naming the place ({@code journeys[store]
 * .touchpoints.checkout.goOn: a probability 0..1}).
 */
public final class ScenarioLoader {

    static final Set<String> MOODS = Set.of("happy", "neutral", "unhappy");
    static final Map<String, Integer> SCALES = Map.of("NPS", 11, "CSAT", 5, "CES", 7);

    private ScenarioLoader() {
    }

    public static Scenario load(Path file) {
        try {
            JsonNode root = new YAMLMapper().readTree(file.toFile());
            return read(new Node(root, ""), file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the world " + file + ": " + e.getMessage(), e);
        }
    }

    static Scenario read(Node root, Path base) {
        root.only("name", "days", "arrivalDays", "people", "journeys", "personas", "churn", "agents", "links", "comments");
        int days = root.integer("days", 180, 1, 395);
        List<Journey> journeys = new ArrayList<>();
        for (Node j : root.list("journeys")) {
            journeys.add(journey(j, base));
        }
        if (journeys.isEmpty()) {
            throw root.problem("journeys", "at least one journey");
        }
        Set<String> journeyKeys = new java.util.HashSet<>(journeys.stream().map(Journey::key).toList());
        List<Persona> personas = new ArrayList<>();
        double shares = 0;
        for (Node p : root.list("personas")) {
            Persona persona = persona(p, journeyKeys);
            shares += persona.share();
            personas.add(persona);
        }
        if (personas.isEmpty() || Math.abs(shares - 1) > 1e-6) {
            throw root.problem("personas", "personas whose shares add up to 1 (they add up to " + shares + ")");
        }
        Node churnNode = root.child("churn");
        churnNode.only("silentDays", "detractor", "afterDays", "supportJourney", "supportAfterDays");
        String support = churnNode.text("supportJourney", null);
        if (support != null && !journeyKeys.contains(support)) {
            throw churnNode.problem("supportJourney", "one of the journeys " + journeyKeys);
        }
        Churn churn = new Churn(churnNode.integer("silentDays", 60, 1, 365), churnNode.probability("detractor", 0),
                churnNode.number("afterDays", 20, 0.1, 365), support, churnNode.number("supportAfterDays", 30, 0.1, 365));
        Node agentsNode = root.child("agents");
        agentsNode.only("resolve", "close", "users", "rootCauses");
        Agents agents = new Agents(agentsNode.probability("resolve", 0.5), agentsNode.probability("close", 0.5),
                agentsNode.textMap("users"), agentsNode.texts("rootCauses", List.of("other")));
        Node linksNode = root.child("links");
        linksNode.only("answers");
        Links links = new Links(linksNode.integer("answers", 0, 0, 25));
        Map<String, List<String>> comments = phrases(root.child("comments"));
        for (String mood : MOODS) {
            if (comments.getOrDefault(mood, List.of()).isEmpty()) {
                throw root.child("comments").problem(mood, "at least one phrase");
            }
        }
        return new Scenario(root.text("name", "a simulated world"), days, root.integer("arrivalDays", days, 1, days),
                root.integer("people", 1000, 1, 1_000_000), journeys, personas, churn, agents, links, comments);
    }

    private static Journey journey(Node j, Path base) {
        j.only("key", "map", "author", "start", "activity", "touchpoints");
        String key = j.required("key");
        String mapFile = j.required("map");
        JsonNode map;
        try {
            map = new ObjectMapper().readTree(Files.readString(base.resolve(mapFile)));
        } catch (IOException e) {
            throw j.problem("map", "a journey map document (JSON) at " + base.resolve(mapFile) + ": " + e.getMessage());
        }
        List<String> order = MapDocument.touchpointKeys(map);
        Node tps = j.child("touchpoints");
        Map<String, TouchpointBehaviour> behaviours = new LinkedHashMap<>();
        for (String name : tps.keys()) {
            if (!order.contains(name)) {
                throw tps.problem(name, "a touchpoint of the map " + mapFile + " (it has " + order + ")");
            }
        }
        for (String tp : order) {
            if (!tps.has(tp)) {
                throw tps.problem(tp, "how people behave at this touchpoint of the map (every touchpoint is described; "
                        + "visit: 0 for one nobody reaches)");
            }
            behaviours.put(tp, touchpoint(tps.child(tp), tp.equals(order.get(order.size() - 1))));
        }
        Map<String, Double> start = j.weights("start");
        if (start.isEmpty() || !order.containsAll(start.keySet())) {
            throw j.problem("start", "weights of the touchpoints people arrive at (of " + order + ")");
        }
        Activity activity = null;
        if (j.has("activity")) {
            Node a = j.child("activity");
            a.only("touchpoint", "type", "everyDays");
            String at = a.required("touchpoint");
            if (!order.contains(at)) {
                throw a.problem("touchpoint", "a touchpoint of the map");
            }
            activity = new Activity(at, a.required("type"), a.number("everyDays", 7, 0.05, 365));
        }
        return new Journey(key, mapFile, map, j.text("author", "demo-admin"), start, activity, behaviours);
    }

    private static TouchpointBehaviour touchpoint(Node t, boolean last) {
        t.only("visit", "types", "onGoOn", "goOn", "delay", "identifies", "bad", "churn", "feedback");
        List<String> types = t.texts("types", List.of());
        if (types.isEmpty()) {
            throw t.problem("types", "the interaction types a visit records (at least one)");
        }
        double visit = t.probability("visit", 1);
        if (last && visit < 1) {
            throw t.problem("visit", "1 for the map's last touchpoint (people who go on must reach something)");
        }
        Feedback feedback = null;
        if (t.has("feedback")) {
            Node f = t.child("feedback");
            f.only("survey", "chance", "scores", "comments", "phrases");
            String kind = f.required("survey").toUpperCase(java.util.Locale.ROOT);
            Integer size = SCALES.get(kind);
            if (size == null) {
                throw f.problem("survey", "NPS, CSAT or CES");
            }
            List<Double> scores = f.numbers("scores");
            if (scores.size() != size || scores.stream().anyMatch(w -> w < 0) || scores.stream().mapToDouble(d -> d).sum() <= 0) {
                throw f.problem("scores", size + " weights, one per score of the " + kind + " scale, lowest first");
            }
            feedback = new Feedback(kind, f.probability("chance", 0.2), scores, f.probability("comments", 0.3),
                    phrases(f.child("phrases")));
        }
        return new TouchpointBehaviour(visit, types, t.texts("onGoOn", List.of()),
                last ? 0 : t.probability("goOn", 0.8), delay(t), t.bool("identifies"), t.bool("bad"),
                t.probability("churn", 0), feedback);
    }

    private static Delay delay(Node t) {
        if (!t.has("delay")) {
            return new Delay(Duration.ofMinutes(5), Delay.DEFAULT_SPREAD);
        }
        Node d = t.child("delay");
        try {
            if (d.json().isTextual()) {
                return new Delay(Duration.parse(d.json().asText()), Delay.DEFAULT_SPREAD);
            }
            d.only("median", "spread");
            return new Delay(Duration.parse(d.required("median")), d.number("spread", Delay.DEFAULT_SPREAD, 0, 3));
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw t.problem("delay", "an ISO-8601 duration (PT5M, P2D) or {median, spread}: " + e.getMessage());
        }
    }

    private static Persona persona(Node p, Set<String> journeys) {
        p.only("key", "name", "share", "journey", "anonymousFirst", "consents", "answers", "churn", "support", "traits");
        String journey = p.required("journey");
        if (!journeys.contains(journey)) {
            throw p.problem("journey", "one of the journeys " + journeys);
        }
        return new Persona(p.required("key"), p.text("name", p.required("key")), p.probability("share", 0), journey,
                p.probability("anonymousFirst", 0), p.probability("consents", 0), p.number("answers", 1, 0, 10),
                p.probability("churn", 0), p.probability("support", 0), p.objectMap("traits"));
    }

    private static Map<String, List<String>> phrases(Node n) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String mood : n.keys()) {
            if (!MOODS.contains(mood)) {
                throw n.problem(mood, "a mood: happy, neutral or unhappy");
            }
            out.put(mood, n.texts(mood, List.of()));
        }
        return out;
    }
}
