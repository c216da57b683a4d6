package io.waymark.journey.domain.map;

import static io.waymark.journey.domain.map.JourneyFixtures.journey;
import static io.waymark.journey.domain.map.JourneyFixtures.stage;
import static io.waymark.journey.domain.map.JourneyFixtures.touchpoint;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.waymark.journey.domain.map.JourneyDiff.Change;
import java.util.List;
import org.junit.jupiter.api.Test;

class TouchpointDiffTest {

    private static List<Change> diff(JourneyDocument from, JourneyDocument to) {
        return JourneyDiff.between(from, to).changes();
    }

    private static Change change(String kind, String path, Object before, Object after) {
        return new Change(kind, path, before, after);
    }

    @Test
    void everyTouchpointFieldIsComparedAndListsAsAWhole() {
        Touchpoint was = touchpoint("pay");
        Touchpoint now = new Touchpoint("pay", "Pay now", "mobile_app", "support", "Pays", "Be done", -2, "PT10M",
                List.of(new PainPoint("Card declined", 3)), List.of(new Opportunity("Wallets", null, "idea")),
                List.of("page_view", "purchase"));
        String path = "stages[checkout].touchpoints[pay].";
        assertEquals(List.of(
                change("changed", path + "name", "Touchpoint pay", "Pay now"),
                change("changed", path + "channel", "web", "mobile_app"),
                change("changed", path + "ownerTeam", "sales", "support"),
                change("changed", path + "action", null, "Pays"),
                change("changed", path + "goal", null, "Be done"),
                change("changed", path + "emotion", 0, -2),
                change("changed", path + "expectedDuration", "PT5M", "PT10M"),
                change("changed", path + "painPoints", List.of(), List.of(new PainPoint("Card declined", 3))),
                change("changed", path + "opportunities", List.of(), List.of(new Opportunity("Wallets", null, "idea"))),
                change("changed", path + "interactionTypes", List.of("page_view"), List.of("page_view", "purchase"))),
                diff(journey(stage("checkout", was)), journey(stage("checkout", now))));
    }

    @Test
    void anInsertedTouchpointIsAddedWithoutMovingTheOthers() {
        Touchpoint added = touchpoint("new");
        assertEquals(List.of(change("touchpoint-added", "stages[s].touchpoints[new]", null, added)),
                diff(journey(stage("s", touchpoint("a"), touchpoint("b"), touchpoint("c"))),
                        journey(stage("s", added, touchpoint("a"), touchpoint("b"), touchpoint("c")))));
    }

    @Test
    void aRemovedTouchpointComesAfterTheStagesRemainingTouchpoints() {
        Touchpoint removed = touchpoint("a");
        assertEquals(List.of(
                change("changed", "stages[s].touchpoints[c].emotion", 0, 1),
                change("touchpoint-removed", "stages[s].touchpoints[a]", removed, null),
                change("changed", "stages[u].name", "Stage u", "Renamed")),
                diff(journey(stage("s", removed, touchpoint("b"), touchpoint("c")), stage("u")),
                        journey(stage("s", touchpoint("b"), touchpoint("c", 1)),
                                new Stage("u", "Renamed", stage("u").lifecycleStage(), null, List.of()))));
    }

    @Test
    void aTouchpointMovedWithinItsStageSaysFromWhereToWhere() {
        assertEquals(List.of(change("touchpoint-moved", "stages[s].touchpoints[c]", "s#2", "s#0")),
                diff(journey(stage("s", touchpoint("a"), touchpoint("b"), touchpoint("c"))),
                        journey(stage("s", touchpoint("c"), touchpoint("a"), touchpoint("b")))));
    }

    @Test
    void aTouchpointMovedToTheNextStageIsAMoveEvenThoughTheOverallOrderIsTheSame() {
        // t2 goes from the end of stage a to the start of stage b: in one flat list nothing changed order
        assertEquals(List.of(
                change("touchpoint-moved", "stages[b].touchpoints[t2]", "a#1", "b#0"),
                change("changed", "stages[b].touchpoints[t2].emotion", 0, 2)),
                diff(journey(stage("a", touchpoint("t1"), touchpoint("t2")), stage("b", touchpoint("t3"))),
                        journey(stage("a", touchpoint("t1")), stage("b", touchpoint("t2", 2), touchpoint("t3")))));
    }

    @Test
    void touchpointsArrivingInAStageDoNotMoveTheOnesThatStayed() {
        assertEquals(List.of(change("touchpoint-moved", "stages[b].touchpoints[t1]", "a#0", "b#1")),
                diff(journey(stage("a", touchpoint("t1")), stage("b", touchpoint("t2"), touchpoint("t3"))),
                        journey(stage("a"), stage("b", touchpoint("t2"), touchpoint("t1"), touchpoint("t3")))));
    }

    @Test
    void aNewStageCarriesItsNewTouchpointsButTheOnesMovedIntoItAreMoves() {
        Stage added = stage("new", touchpoint("fresh"), touchpoint("t2"));
        assertEquals(List.of(
                change("stage-added", "stages[new]", null, added),
                change("touchpoint-moved", "stages[new].touchpoints[t2]", "a#1", "new#1")),
                diff(journey(stage("a", touchpoint("t1"), touchpoint("t2"))),
                        journey(stage("a", touchpoint("t1")), added)));
    }

    @Test
    void aRemovedStageCarriesItsTouchpointsAndTheOnesMovedOutAreMoves() {
        Stage removed = stage("old", touchpoint("t1"), touchpoint("t2"));
        assertEquals(List.of(
                change("touchpoint-moved", "stages[a].touchpoints[t2]", "old#1", "a#1"),
                change("stage-removed", "stages[old]", removed, null)),
                diff(journey(removed, stage("a", touchpoint("t3"))),
                        journey(stage("a", touchpoint("t3"), touchpoint("t2")))));
    }

    @Test
    void touchpointsFollowTheirStageOrderAndEachStagesOwnOrder() {
        JourneyDocument from = journey(
                stage("a", touchpoint("a1"), touchpoint("a2"), touchpoint("a3")),
                stage("b", touchpoint("b1"), touchpoint("b2")));
        JourneyDocument to = journey(
                stage("b", touchpoint("b2", 1), touchpoint("new"), touchpoint("a1")),
                stage("a", touchpoint("a3"), touchpoint("a2", -1)));
        List<String> changes = diff(from, to).stream()
                .map(c -> c.kind() + " " + c.path() + " " + c.before() + " -> " + c.after()).toList();
        assertEquals(List.of(
                "stage-moved stages[b] 1 -> 0",
                "changed stages[b].touchpoints[b2].emotion 0 -> 1",
                "touchpoint-added stages[b].touchpoints[new] null -> " + touchpoint("new"),
                "touchpoint-moved stages[b].touchpoints[a1] a#0 -> b#2",
                "touchpoint-removed stages[b].touchpoints[b1] " + touchpoint("b1") + " -> null",
                "touchpoint-moved stages[a].touchpoints[a3] a#2 -> a#0",
                "changed stages[a].touchpoints[a2].emotion 0 -> -1"), changes);
    }
}
