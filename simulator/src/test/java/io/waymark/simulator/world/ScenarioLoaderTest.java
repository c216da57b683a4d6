package io.waymark.simulator.world;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioLoaderTest {

    @TempDir
    Path folder;

    static Path root() {
        Path p = Path.of("").toAbsolutePath();
        while (!p.resolve("devstack/pom.xml").toFile().exists()) {
            p = p.getParent();
        }
        return p;
    }

    @Test
    void theDemoWorldLoadsWithItsFourBadTouchpoints() {
        Scenario demo = ScenarioLoader.load(root().resolve("simulator/worlds/demo.yaml"));
        assertEquals(3, demo.journeys().size());
        assertEquals("Online store: first purchase", MapDocument.name(demo.journey("store").map()));
        long bad = demo.journeys().stream().flatMap(j -> j.touchpoints().values().stream()).filter(b -> b.bad()).count();
        assertEquals(4, bad);
        assertEquals(Duration.ofMinutes(30), demo.journey("store").behaviour("checkout").delay().median());
    }

    @Test
    void defaultsAreFilledIn() {
        Scenario tiny = ScenarioLoader.load(TinyWorld.write(folder, TinyWorld.WORLD));
        Scenario.TouchpointBehaviour visit = tiny.journey("tiny").behaviour("visit");
        assertEquals(1.0, visit.visit());
        assertEquals(Delay.DEFAULT_SPREAD, visit.delay().spread());
        assertEquals(0.0, tiny.journey("tiny").behaviour("app").goOn(), "nobody goes on from the map's end");
        assertEquals("demo-admin", tiny.journey("tiny").author());
        assertEquals(0, tiny.links().answers());
    }

    @Test
    void mistakesAreRefusedNamingTheirPlace() {
        assertProblem("journeys[tiny].touchpoints.pay.gOn", TinyWorld.WORLD.replace("goOn: 0.5", "gOn: 0.5"));
        assertProblem("journeys[tiny].touchpoints.pay.goOn", TinyWorld.WORLD.replace("goOn: 0.5", "goOn: 1.5"));
        assertProblem("journeys[tiny].touchpoints.pay", TinyWorld.WORLD.replace("  pay:\n", "  payy:\n"));
        assertProblem("personas", TinyWorld.WORLD.replace("share: 1,", "share: 0.9,"));
        assertProblem("feedback.scores", TinyWorld.WORLD.replace("scores: [0.5, 0.2, 0.1, 0.1, 0.1]", "scores: [1, 2]"));
        assertProblem("delay", TinyWorld.WORLD.replace("delay: PT1H", "delay: an hour"));
        assertProblem("journey", TinyWorld.WORLD.replace("journey: tiny,", "journey: nowhere,"));
        assertProblem("map", TinyWorld.WORLD.replace("map: tiny.json", "map: missing.json"));
    }

    private void assertProblem(String where, String world) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ScenarioLoader.load(TinyWorld.write(folder, world)));
        assertTrue(e.getMessage().contains(where), e.getMessage());
    }
}
