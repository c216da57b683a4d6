package io.waymark.journey.domain.map;

import static io.waymark.journey.domain.map.JourneyFixtures.JSON;
import static io.waymark.journey.domain.map.JourneyFixtures.journey;
import static io.waymark.journey.domain.map.JourneyFixtures.persona;
import static io.waymark.journey.domain.map.JourneyFixtures.stage;
import static io.waymark.journey.domain.map.JourneyFixtures.stages;
import static io.waymark.journey.domain.map.JourneyFixtures.touchpoint;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.waymark.contracts.LifecycleStage;
import io.waymark.journey.domain.map.JourneyDiff.Change;
import java.util.List;
import org.junit.jupiter.api.Test;

class JourneyDiffTest {

    private static List<Change> diff(JourneyDocument from, JourneyDocument to) {
        return JourneyDiff.between(from, to).changes();
    }

    private static Change change(String kind, String path, Object before, Object after) {
        return new Change(kind, path, before, after);
    }

    @Test
    void aMapDiffedWithItselfOrAnEqualCopyIsEmpty() {
        JourneyDocument doc = journey(stage("a", touchpoint("t1"), touchpoint("t2")), stage("b", touchpoint("t3")));
        assertEquals(List.of(), diff(doc, doc));
        assertEquals(List.of(), diff(doc, journey(stage("a", touchpoint("t1"), touchpoint("t2")),
                stage("b", touchpoint("t3")))));
        JourneyDocument fixture = JourneyFixtures.read(JourneyFixtures.tree(JourneyFixtures.VALID));
        assertEquals(List.of(), diff(fixture, JourneyFixtures.validWith(t -> { })));
    }

    @Test
    void mapAndPersonaFieldsAreChangedWithOldAndNewValues() {
        JourneyDocument from = journey(stage("a"));
        JourneyDocument to = new JourneyDocument("New map", "Now described", "growth",
                new Persona("Riley", "Buys online", List.of("Pay quickly", "Return easily"), List.of(), "Hm."),
                List.of(stage("a")));
        assertEquals(List.of(
                change("changed", "name", "Map", "New map"),
                change("changed", "description", null, "Now described"),
                change("changed", "ownerTeam", "product", "growth"),
                change("changed", "persona.description", null, "Buys online"),
                change("changed", "persona.goals", List.of("Pay quickly"), List.of("Pay quickly", "Return easily")),
                change("changed", "persona.quote", null, "Hm.")), diff(from, to));
    }

    @Test
    void stageFieldsAreAddressedByKey() {
        JourneyDocument from = journey(stage("a"), stage("checkout"));
        JourneyDocument to = journey(stage("a"),
                new Stage("checkout", "Pay", LifecycleStage.ONBOARDING, "Paying", List.of()));
        assertEquals(List.of(
                change("changed", "stages[checkout].name", "Stage checkout", "Pay"),
                change("changed", "stages[checkout].lifecycleStage", LifecycleStage.PURCHASE, LifecycleStage.ONBOARDING),
                change("changed", "stages[checkout].description", null, "Paying")), diff(from, to));
    }

    @Test
    void anAddedStageCarriesTheWholeStageAndMovesNothing() {
        Stage added = stage("x", touchpoint("new-1"), touchpoint("new-2"));
        JourneyDocument from = stages("a", "b", "c");
        JourneyDocument to = journey(added, stage("a"), stage("b"), stage("c"));
        assertEquals(List.of(change("stage-added", "stages[x]", null, added)), diff(from, to));
    }

    @Test
    void aRemovedStageCarriesTheWholeStageAndComesAfterTheOthers() {
        Stage removed = stage("a", touchpoint("t1"));
        JourneyDocument from = journey(removed, stage("b"), stage("c"));
        JourneyDocument to = journey(stage("b"), new Stage("c", "Renamed", LifecycleStage.PURCHASE, null, List.of()));
        assertEquals(List.of(
                change("changed", "stages[c].name", "Stage c", "Renamed"),
                change("stage-removed", "stages[a]", removed, null)), diff(from, to));
    }

    @Test
    void aStageDraggedElsewhereIsTheOnlyOneMoved() {
        assertEquals(List.of(change("stage-moved", "stages[d]", 3, 0)),
                diff(stages("a", "b", "c", "d"), stages("d", "a", "b", "c")));
        assertEquals(List.of(change("stage-moved", "stages[a]", 0, 3)),
                diff(stages("a", "b", "c", "d"), stages("b", "c", "d", "a")));
    }

    @Test
    void swappingTwoStagesReportsOneMoveTheSameWayEveryTime() {
        List<Change> expected = List.of(change("stage-moved", "stages[b]", 1, 0));
        for (int i = 0; i < 3; i++) {
            assertEquals(expected, diff(stages("a", "b"), stages("b", "a")));
        }
    }

    @Test
    void insertsAndRemovalsAroundAMoveReportOnlyTheRealMove() {
        // a removed, x inserted at the front, y in the middle, e moved from the end to before b
        assertEquals(List.of(
                change("stage-added", "stages[x]", null, stage("x")),
                change("stage-moved", "stages[e]", 4, 1),
                change("stage-added", "stages[y]", null, stage("y")),
                change("stage-removed", "stages[a]", stage("a"), null)),
                diff(stages("a", "b", "c", "d", "e"), stages("x", "e", "b", "c", "y", "d")));
    }

    @Test
    void aRenamedKeyIsARemovalAndAnAddition() {
        assertEquals(List.of(
                change("stage-added", "stages[buy]", null, stage("buy")),
                change("stage-removed", "stages[purchase]", stage("purchase"), null)),
                diff(stages("a", "purchase"), stages("a", "buy")));
    }

    @Test
    void theOrderIsMapThenPersonaThenStagesInTheNewOrderThenRemovedStages() {
        JourneyDocument from = journey(stage("gone"), stage("a", touchpoint("t1")), stage("b", touchpoint("t2")));
        JourneyDocument to = new JourneyDocument("Renamed", null, "product",
                new Persona("Sam", null, List.of("Pay quickly"), List.of(), null),
                List.of(stage("b", touchpoint("t2", 2)), stage("a", touchpoint("t1", -1))));
        List<Change> changes = diff(from, to);
        assertEquals(List.of("changed name", "changed persona.name",
                "stage-moved stages[b]",
                "changed stages[b].touchpoints[t2].emotion",
                "changed stages[a].touchpoints[t1].emotion",
                "stage-removed stages[gone]"), changes.stream().map(c -> c.kind() + " " + c.path()).toList());
        assertEquals(changes, diff(from, to));
    }

    @Test
    void documentsWithoutUniqueKeysCannotBeDiffed() {
        JourneyDocument valid = stages("a");
        assertThrows(IllegalArgumentException.class, () -> JourneyDiff.between(valid, stages("a", "a")));
        assertThrows(IllegalArgumentException.class, () -> JourneyDiff.between(stages("a", null), valid));
        assertThrows(IllegalArgumentException.class,
                () -> JourneyDiff.between(valid, journey(stage("a", touchpoint("t")), stage("b", touchpoint("t")))));
        assertThrows(IllegalArgumentException.class, () -> JourneyDiff.between(null, valid));
    }

    @Test
    void aDiffSerializesAsAListOfKindPathBeforeAfter() throws JsonProcessingException {
        JourneyDocument from = journey(stage("a", touchpoint("t1")), stage("b"));
        JourneyDocument to = new JourneyDocument("Map 2", null, "product", persona(),
                List.of(stage("b"), stage("a", touchpoint("t1", 1)), stage("c")));
        assertEquals("""
                {"changes":[\
                {"kind":"changed","path":"name","before":"Map","after":"Map 2"},\
                {"kind":"stage-moved","path":"stages[b]","before":1,"after":0},\
                {"kind":"changed","path":"stages[a].touchpoints[t1].emotion","before":0,"after":1},\
                {"kind":"stage-added","path":"stages[c]","before":null,"after":\
                {"key":"c","name":"Stage c","lifecycleStage":"PURCHASE","touchpoints":[]}}]}""",
                JSON.writeValueAsString(JourneyDiff.between(from, to)));
    }
}
