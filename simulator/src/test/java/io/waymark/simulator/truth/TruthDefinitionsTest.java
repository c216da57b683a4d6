package io.waymark.simulator.truth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.waymark.simulator.world.Person;
import io.waymark.simulator.world.Scenario;
import io.waymark.simulator.world.ScenarioLoader;
import io.waymark.simulator.world.TinyWorld;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The truth counts as analytics defines it (docs/decisions/012), on people whose figures are worked out by hand. */
class TruthDefinitionsTest {

    private static final Instant D0 = Instant.parse("2026-06-01T10:00:00Z");

    @TempDir
    Path folder;

    private static Instant day(int n) {
        return D0.plusSeconds(86_400L * n);
    }

    private static Person.Interaction at(int day, String touchpoint, String type, boolean anonymous) {
        return new Person.Interaction(day(day), "tiny", touchpoint, type, "web", anonymous);
    }

    /** A buys and becomes an advocate; B stops at the payment; C browses once and is never known. */
    private List<Person> people(Scenario s) {
        Scenario.Persona tia = s.personas().get(0);
        Person a = new Person(0, tia, day(1), day(1), true, List.of(at(1, "visit", "page_view", false),
                at(2, "visit", "page_view", false), at(3, "pay", "payment_submitted", false), at(3, "pay", "purchase", false),
                at(4, "app", "onboarding_completed", false), at(6, "app", "app_opened", false)),
                List.of(new Person.Answer(day(5), "tiny", "app", "NPS", 10, null)), List.of(), false, null);
        Person b = new Person(1, tia, day(1), day(2), true, List.of(at(1, "visit", "page_view", true),
                at(2, "pay", "payment_submitted", false)),
                List.of(new Person.Answer(day(2), "tiny", "pay", "CSAT", 1, "Awful.")), List.of(), false, null);
        Person c = new Person(2, tia, day(1), null, false, List.of(at(1, "visit", "page_view", true)), List.of(), List.of(),
                false, null);
        return List.of(a, b, c);
    }

    @Test
    void perCustomerAndPerSubjectFirstReachOnly() {
        Scenario s = ScenarioLoader.load(TinyWorld.write(folder, TinyWorld.WORLD));
        LocalDate from = LocalDate.of(2026, 6, 1);
        LocalDate to = LocalDate.of(2026, 6, 30);
        StageFunnel funnel = new StageFunnel(from, to);
        TouchpointReach reach = new TouchpointReach(s, from, to);
        Scores scores = new Scores(s, from, to);
        for (Person p : people(s)) {
            funnel.add(p, Map.of());
            reach.add(p);
            scores.add(p, Map.of());
        }
        assertEquals(List.of(new StageFunnel.Row("AWARENESS", 2, 1, 0.5), new StageFunnel.Row("CONSIDERATION", 0, 0, null),
                new StageFunnel.Row("PURCHASE", 1, 1, 1.0), new StageFunnel.Row("ONBOARDING", 0, 0, null),
                new StageFunnel.Row("RETENTION", 1, 1, 1.0), new StageFunnel.Row("ADVOCACY", 1, 0, 0.0)), funnel.rows());
        assertEquals(Map.of("AWARENESS", 1L, "CONSIDERATION", 0L, "PURCHASE", 0L, "ONBOARDING", 0L, "RETENTION", 0L,
                "ADVOCACY", 1L), funnel.currentStages());
        List<TouchpointReach.Row> tiny = reach.rows().get("tiny");
        assertEquals(List.of(3L, 2L, 1L), tiny.stream().map(TouchpointReach.Row::reached).toList(), "A's second visit counts once");
        assertEquals(List.of(2L, 1L, 0L), tiny.stream().map(TouchpointReach.Row::wentOn).toList());
        assertEquals(List.of(1L, 1L), scores.rows().stream().map(Scores.Row::answers).toList());
        assertEquals(0.0, scores.rows().get(0).value(), "CSAT: no 4 or 5 among one answer of 1");
        assertEquals(100.0, scores.rows().get(1).value(), "NPS: one promoter");

        StageFunnel later = new StageFunnel(LocalDate.of(2026, 6, 3), to);
        people(s).forEach(p -> later.add(p, Map.of()));
        assertEquals(0, later.rows().get(0).reached(), "first reached before the period: not counted");
        assertEquals(1, later.rows().get(2).reached());
    }

    @Test
    void anAnswerThroughALinkCountsWhenItWasRecorded() {
        Scenario s = ScenarioLoader.load(TinyWorld.write(folder, TinyWorld.WORLD));
        List<Person> people = people(s);
        Map<Person.Answer, Instant> links = new IdentityHashMap<>();
        links.put(people.get(0).answers().get(0), day(40));
        StageFunnel funnel = new StageFunnel(LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 30));
        Scores scores = new Scores(s, LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 30));
        people.forEach(p -> {
            funnel.add(p, links);
            scores.add(p, links);
        });
        assertEquals(0, funnel.rows().get(5).reached(), "an advocate on day 40, after the period");
        assertEquals(0, scores.rows().get(1).answers());
    }
}
