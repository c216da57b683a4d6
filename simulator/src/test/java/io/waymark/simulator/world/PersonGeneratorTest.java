package io.waymark.simulator.world;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PersonGeneratorTest {

    private static final Clock CLOCK = new Clock(Instant.parse("2026-11-30T12:00:00Z"), 100);

    @TempDir
    Path folder;
    private Scenario tiny;

    @BeforeEach
    void load() {
        tiny = ScenarioLoader.load(TinyWorld.write(folder, TinyWorld.WORLD));
    }

    private List<Person> people(long seed, int n) {
        PersonGenerator g = new PersonGenerator(tiny, CLOCK, seed);
        List<Person> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(g.person(i));
        }
        return out;
    }

    @Test
    void aSeedPlaysTheSamePeopleEachTimeAndPersonNIsTheSameWhateverElseIsPlayed() {
        assertEquals(people(7, 50), people(7, 50));
        assertEquals(people(7, 50).get(42), new PersonGenerator(tiny, CLOCK, 7).person(42));
        assertNotEquals(people(7, 50), people(8, 50));
    }

    @Test
    void whatPeopleDoHappensInOrderInThePastAndAsWhoTheyWereThen() {
        for (Person p : people(3, 2000)) {
            Instant previous = Instant.MIN;
            for (Person.Interaction i : p.interactions()) {
                assertFalse(i.at().isBefore(previous), "in order");
                assertFalse(i.at().isAfter(CLOCK.now()), "not in the future");
                assertFalse(i.at().isBefore(p.firstSeen()), "not before they came");
                assertEquals(!p.identified() || i.at().isBefore(p.identifiedAt()), i.anonymous(), "anonymous until identified");
                if (p.silentFrom() != null) {
                    assertTrue(i.at().isBefore(p.silentFrom()), "silent from then on");
                }
                previous = i.at();
            }
            for (Person.Answer a : p.answers()) {
                assertTrue(p.identified() && !a.at().isBefore(p.identifiedAt()), "answers come from known customers");
            }
            boolean paid = p.interactions().stream().anyMatch(i -> i.type().equals("purchase"));
            boolean atPay = p.interactions().stream().anyMatch(i -> i.touchpoint().equals("pay"));
            assertEquals(atPay, p.drivers().stream().anyMatch(d -> d.touchpoint().equals("pay") && d.adds() == 0.4));
            if (paid) {
                assertTrue(atPay);
            }
            if (p.willChurn()) {
                assertTrue(paid, "only buyers churn");
            }
        }
    }

    @Test
    void peopleGoOnWithTheWorldsChanceWithinItsSamplingError() {
        long atVisit = 0;
        long atPay = 0;
        long paid = 0;
        for (Person p : people(11, 20_000)) {
            atVisit += p.interactions().stream().anyMatch(i -> i.touchpoint().equals("visit")) ? 1 : 0;
            atPay += p.interactions().stream().anyMatch(i -> i.touchpoint().equals("pay")) ? 1 : 0;
            paid += p.interactions().stream().anyMatch(i -> i.type().equals("purchase")) ? 1 : 0;
        }
        assertWithin(0.7, (double) atPay / atVisit, atVisit);
        assertWithin(0.5, (double) paid / atPay, atPay);
    }

    /** Within 4 standard errors of a binomial share (a seeded run: this either always holds or never). */
    static void assertWithin(double p, double observed, long n) {
        double se = Math.sqrt(p * (1 - p) / n);
        assertTrue(Math.abs(observed - p) <= 4 * se, observed + " vs " + p + " ± 4×" + se);
    }
}
