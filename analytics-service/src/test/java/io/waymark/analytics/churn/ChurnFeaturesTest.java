package io.waymark.analytics.churn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.waymark.analytics.domain.churn.ChurnDefinition;
import io.waymark.analytics.domain.churn.ChurnExplanations;
import io.waymark.analytics.domain.churn.ChurnFeatures;
import io.waymark.analytics.domain.churn.ChurnFeatures.Snapshot;
import io.waymark.analytics.domain.churn.ChurnLabels;
import io.waymark.analytics.domain.churn.CustomerHistory;
import io.waymark.analytics.domain.churn.CustomerHistory.ActiveDay;
import io.waymark.analytics.domain.churn.CustomerHistory.Answer;
import io.waymark.analytics.domain.churn.CustomerHistory.Case;
import io.waymark.analytics.domain.churn.CustomerHistory.StageMove;
import io.waymark.analytics.domain.churn.TouchpointNames;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Features and labels of a hand-made history, worked out by hand; nothing after the snapshot counts. */
class ChurnFeaturesTest {

    private static final ChurnDefinition DEFINITION = new ChurnDefinition("PURCHASE", 60);
    private static final Instant SNAPSHOT = Instant.parse("2026-03-08T00:00:00Z");

    private static Instant at(String text) {
        return Instant.parse(text);
    }

    private static CustomerHistory history(List<ActiveDay> days, List<Instant> lost, List<StageMove> moves,
                                           List<Answer> answers, List<Case> cases, Map<String, Instant> touchpoints) {
        return new CustomerHistory(UUID.randomUUID(), days, lost, moves, answers, cases, touchpoints);
    }

    private static CustomerHistory handMade() {
        return history(
                new ArrayList<>(List.of(new ActiveDay(LocalDate.parse("2026-03-01"), "email"),
                        new ActiveDay(LocalDate.parse("2026-03-01"), "web"),
                        new ActiveDay(LocalDate.parse("2026-03-03"), "web"),
                        new ActiveDay(LocalDate.parse("2026-03-10"), "app"))),
                new ArrayList<>(List.of(at("2026-04-20T10:00:00Z"))),
                new ArrayList<>(List.of(new StageMove(at("2026-01-01T10:00:00Z"), "AWARENESS", false),
                        new StageMove(at("2026-02-01T09:00:00Z"), "PURCHASE", false),
                        new StageMove(at("2026-03-05T00:00:00Z"), "CONSIDERATION", true))),
                new ArrayList<>(List.of(new Answer(at("2026-02-10T08:00:00Z"), "NPS", 9, 0.9, false, "j:welcome"),
                        new Answer(at("2026-03-04T12:00:00Z"), "NPS", 3, 0.3, true, "j:checkout"))),
                new ArrayList<>(List.of(new Case(at("2026-03-04T12:00:00Z"), at("2026-03-06T12:00:00Z"), null))),
                new HashMap<>(Map.of("j:checkout", at("2026-03-02T08:00:00Z"))));
    }

    @Test
    void featuresOfAHandMadeHistory() {
        Snapshot s = ChurnFeatures.asOf(handMade(), SNAPSHOT, DEFINITION);
        Map<String, Double> v = s.values();
        assertTrue(s.customer(), "reached PURCHASE on 1 February");
        assertFalse(s.churned());
        assertEquals("CONSIDERATION", s.stage());
        // active on 1 and 3 March; the snapshot sees up to 7 March
        assertEquals(4.0, v.get(ChurnFeatures.DAYS_SINCE_LAST));
        assertEquals(2.0, v.get(ChurnFeatures.ACTIVE_7));
        assertEquals(2.0, v.get(ChurnFeatures.ACTIVE_30));
        assertEquals(2.0, v.get(ChurnFeatures.ACTIVE_90));
        assertEquals(2.0, v.get(ChurnFeatures.TREND), "2 in the last 30 days against 0 per 30 days before");
        assertEquals(2 / 3.0, v.get("channel:web"), 1e-12, "2 of 3 channel-days");
        assertEquals(1 / 3.0, v.get("channel:email"), 1e-12);
        assertNull(v.get("channel:app"), "10 March is after the snapshot");
        assertEquals(1.0, v.get("stage:CONSIDERATION"));
        assertEquals(3.0, v.get(ChurnFeatures.DAYS_IN_STAGE), 1e-12, "since 5 March, midnight");
        assertEquals(1.0, v.get(ChurnFeatures.BACKWARD));
        assertEquals(1.0, v.get(ChurnFeatures.DETRACTOR), "the last NPS answer was a 3");
        assertEquals("j:checkout", s.detractor().touchpoint());
        assertEquals(0.3, v.get(ChurnFeatures.LAST_NPS));
        assertEquals(-0.6, v.get(ChurnFeatures.SCORE_TREND), 1e-12);
        assertTrue(v.get(ChurnFeatures.LAST_CSAT).isNaN(), "no CSAT answer: unknown, not 0");
        assertEquals(1.0, v.get(ChurnFeatures.NEGATIVE_COMMENTS));
        assertEquals(1.0, v.get(ChurnFeatures.OPEN_CASES));
        assertEquals(1.0, v.get(ChurnFeatures.OVERDUE_CASES), "due on 6 March");
        assertEquals(1.0, v.get(ChurnFeatures.UNHAPPY), "the 3, not the 9");
        assertEquals(0.0, v.get(ChurnFeatures.PAIN_POINTS), "no pain points known");
        assertTrue(v.keySet().stream().noneMatch(k -> k.contains("checkout")), "a touchpoint is no feature of its own");
    }

    @Test
    void painPointsAndUnhappyAnswersCountTheLast90Days() {
        CustomerHistory h = handMade();
        h.touchpoints().put("j:returns", at("2025-12-07T23:00:00Z"));   // 90 days and an hour before the snapshot
        h.touchpoints().put("j:hold-queue", at("2025-12-08T01:00:00Z")); // 89 days and 23 hours before
        h.touchpoints().put("j:welcome", at("2026-03-01T00:00:00Z"));    // reached, but no pain point
        h.answers().add(new Answer(at("2025-12-07T23:00:00Z"), "CES", 7, 0.0, true, "j:returns"));
        h.answers().add(new Answer(at("2026-01-10T00:00:00Z"), "CSAT", 2, 0.25, false, "j:returns"));
        h.answers().add(new Answer(at("2026-01-11T00:00:00Z"), "CSAT", 3, 0.5, false, "j:returns"));
        h.answers().add(new Answer(at("2026-01-12T00:00:00Z"), "CES", 5, 0.33, false, "j:returns"));
        Snapshot s = ChurnFeatures.asOf(h, SNAPSHOT, DEFINITION, Set.of("j:checkout", "j:returns", "j:hold-queue"));
        assertEquals(2.0, s.values().get(ChurnFeatures.PAIN_POINTS), "checkout and the hold queue; returns is too old");
        assertEquals(List.of("j:checkout", "j:hold-queue"), s.painPointsHit());
        // NPS 3, CSAT 2 and CES 5 are unhappy; CSAT 3 is not; the CES 7 lies more than 90 days back
        assertEquals(3.0, s.values().get(ChurnFeatures.UNHAPPY));
    }

    @Test
    void factorsInWordsNameTheTouchpointsAndTheirJourneys() {
        CustomerHistory h = handMade();
        h.touchpoints().put("j:returns", at("2026-03-01T00:00:00Z"));
        Snapshot s = ChurnFeatures.asOf(h, SNAPSHOT, DEFINITION, Set.of("j:checkout", "j:returns"));
        TouchpointNames names = new TouchpointNames(Map.of("j:checkout", "Checkout (Online store)"));
        assertEquals("detractor score (3) at Checkout (Online store)",
                ChurnExplanations.words(ChurnFeatures.DETRACTOR, 1, s, names));
        assertEquals("met 2 known pain points in 90 days: Checkout (Online store), returns (journey j)",
                ChurnExplanations.words(ChurnFeatures.PAIN_POINTS, 2, s, names), "a touchpoint no map names any more");
        assertEquals("1 unhappy answer in 90 days", ChurnExplanations.words(ChurnFeatures.UNHAPPY, 1, s, names));
    }

    @Test
    void nothingAfterTheSnapshotChangesItsFeatures() {
        CustomerHistory h = handMade();
        Set<String> painPoints = Set.of("j:checkout", "j:delivery");
        Snapshot before = ChurnFeatures.asOf(h, SNAPSHOT, DEFINITION, painPoints);
        // facts from the snapshot's own instant on: a day, a lost mark, a move, answers, a case, touchpoints
        h.days().add(new ActiveDay(LocalDate.parse("2026-03-08"), "phone"));
        h.lostMarks().add(SNAPSHOT);
        h.moves().add(new StageMove(SNAPSHOT, "RETENTION", false));
        h.answers().add(new Answer(SNAPSHOT, "NPS", 10, 1.0, false, "j:delivery"));
        h.answers().add(new Answer(at("2026-03-09T00:00:00Z"), "CSAT", 1, 0.0, true, "j:delivery"));
        h.cases().add(new Case(SNAPSHOT, SNAPSHOT, null));
        h.touchpoints().put("j:delivery", SNAPSHOT);
        Snapshot after = ChurnFeatures.asOf(h, SNAPSHOT, DEFINITION, painPoints);
        assertEquals(before.values(), after.values());
        assertEquals(before.painPointsHit(), after.painPointsHit());
        assertEquals(before.churned(), after.churned());
        assertEquals(before.stage(), after.stage());
        // and they do count a moment later
        Snapshot later = ChurnFeatures.asOf(h, SNAPSHOT.plusSeconds(1), DEFINITION, painPoints);
        assertEquals(1.0, later.values().get("stage:RETENTION"));
        assertEquals(2.0, later.values().get(ChurnFeatures.PAIN_POINTS), "the delivery pain point");
        assertTrue(later.churned(), "marked lost");
    }

    @Test
    void churnIsSixtyDaysWithoutInteractionOrALostMark() {
        CustomerHistory h = handMade();
        assertTrue(ChurnLabels.churnedAfter(h, SNAPSHOT, DEFINITION), "marked lost on 20 April, within 60 days");
        h.lostMarks().clear();
        assertFalse(ChurnLabels.churnedAfter(h, SNAPSHOT, DEFINITION), "active on 10 March");
        assertFalse(ChurnLabels.churnedAfter(h, at("2026-03-10T00:00:00Z"), DEFINITION), "10 March is in the window");
        assertTrue(ChurnLabels.churnedAfter(h, at("2026-03-11T00:00:00Z"), DEFINITION), "nothing after 10 March");
        // 60 days after the last active day the customer has churned, not a day earlier
        assertFalse(ChurnFeatures.asOf(h, at("2026-05-09T00:00:00Z"), DEFINITION).churned(), "59 days silent");
        assertTrue(ChurnFeatures.asOf(h, at("2026-05-10T00:00:00Z"), DEFINITION).churned(), "60 days silent");
        // not a customer before the purchase: never a training example then
        assertEquals(0, ChurnLabels.examples(h, List.of(at("2026-01-15T00:00:00Z")), DEFINITION).size());
        assertEquals(1, ChurnLabels.examples(h, List.of(at("2026-02-15T00:00:00Z")), DEFINITION).size());
    }
}
