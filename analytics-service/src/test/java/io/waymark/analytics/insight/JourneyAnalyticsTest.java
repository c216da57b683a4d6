package io.waymark.analytics.insight;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.waymark.testing.DevstackTestResource;
import io.waymark.testing.TestDatabase;
import io.waymark.testing.Tokens;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * A journey a → b (stage 0) → c (stage 1) walked by four customers and a visitor, against hand-computed
 * figures: s1 walks a, b, c; s2 skips b; s3 reaches b before a and stops; s4 reaches a only, and a visitor
 * reaches b until it turns out to be s4. Answers at a and b, an open case at b, a closed one at a.
 */
@QuarkusTest
@WithTestResource(DevstackTestResource.class)
class JourneyAnalyticsTest {

    private static JsonPath get(String path) {
        return given().auth().oauth2(Tokens.forRole("analyst")).get(path).then().statusCode(200).extract().jsonPath();
    }

    private static String tp(String key) {
        return "touchpoints.find { it.key == '" + key + "' }";
    }

    private static void near(double expected, double actual, double tolerance) {
        assertTrue(Math.abs(actual - expected) <= tolerance, actual + " is not " + expected + " ± " + tolerance);
    }

    @Test
    void funnelPainPointsAndEmotionCurveOfOneJourney() {
        UUID journey = UUID.randomUUID();
        LocalDate day = LocalDate.of(1990, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(10_000));
        Instant t0 = day.atTime(10, 0).toInstant(ZoneOffset.UTC);
        Events.send(Events.MAPS, journey.toString(), Events.published(journey, 1, List.of(
                List.<Object[]>of(new Object[] {"a", 1, "PT1M"}, new Object[] {"b", 0, "PT2M"}),
                List.<Object[]>of(new Object[] {"c", -1, "PT5M"}))));
        String funnel = "/analytics/journeys/" + journey + "/funnel?from=" + day + "&to=" + day;
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(Tokens.forRole("analyst"))
                .get(funnel).statusCode() == 200);

        UUID s1 = UUID.randomUUID();
        UUID s2 = UUID.randomUUID();
        UUID s3 = UUID.randomUUID();
        UUID s4 = UUID.randomUUID();
        String visitor = "v-" + UUID.randomUUID();
        walk(journey, s1.toString(), t0, "a", 0, "b", 60, "c", 120);
        walk(journey, s1.toString(), t0, "a", 0, "b", 60, "c", 120);
        walk(journey, s2.toString(), t0, "a", 0, "c", 600);
        walk(journey, s3.toString(), t0, "b", 0, "a", 30);
        walk(journey, s4.toString(), t0, "a", 0);
        walk(journey, "anon:" + visitor, t0, "b", 300);
        await().atMost(Duration.ofSeconds(30)).until(() -> get(funnel).getInt(tp("a") + ".reached") == 4
                && get(funnel).getInt(tp("b") + ".reached") == 3 && get(funnel).getInt(tp("c") + ".reached") == 2);
        assertEquals(2, get(funnel).getInt(tp("a") + ".wentOn"), "s1 and s2; s3 reached a after b, s4 stopped");

        Events.send(Events.CUSTOMERS, s4.toString(), Events.merged(visitor, s4, "anonymous"));
        await().atMost(Duration.ofSeconds(30)).until(() -> get(funnel).getInt(tp("a") + ".wentOn") == 3);
        JsonPath f = get(funnel);
        assertEquals(List.of("a", "b", "c"), f.getList("touchpoints.key"));
        assertEquals(4, f.getInt(tp("a") + ".reached"));
        assertEquals(1, f.getInt(tp("a") + ".dropOff"));
        assertEquals(0.25f, f.getFloat(tp("a") + ".dropOffShare"));
        near(300, f.getDouble(tp("a") + ".medianSecondsToNext"), 30);
        assertEquals(3, f.getInt(tp("b") + ".reached"), "the visitor's b is s4's now, counted once");
        assertEquals(1, f.getInt(tp("b") + ".wentOn"));
        near(60, f.getDouble(tp("b") + ".medianSecondsToNext"), 6);
        assertEquals(2, f.getInt(tp("c") + ".reached"));
        assertNull(f.get(tp("c") + ".wentOn"), "the last touchpoint has no next one");

        String at = day + "T11:00:00Z";
        Events.send(Events.FEEDBACK, s1.toString(),
                Events.answer(s1, "NPS", 10, 1.0, 0.8, "PURCHASE", journey, "a", at),
                Events.answer(s1, "CSAT", 1, 0.0, -0.6, "PURCHASE", journey, "b", at),
                Events.answer(s3, "CSAT", 2, 0.25, -0.3, "PURCHASE", journey, "b", at));
        UUID closed = UUID.randomUUID();
        Events.send(Events.FEEDBACK, s3.toString(), Events.caseEvent(UUID.randomUUID(), s3, journey, "b", false),
                Events.caseEvent(closed, s3, journey, "a", false), Events.caseEvent(closed, s3, journey, "a", true));

        String painPoints = "/analytics/journeys/" + journey + "/pain-points?from=" + day + "&to=" + day;
        await().atMost(Duration.ofSeconds(30)).until(() -> get(painPoints).getLong(tp("b") + ".facts.openCases") == 1
                && get(painPoints).getLong(tp("b") + ".facts.answers") == 2);
        // b: drop-off 2/3, both answers unhappy, both comments negative, 60 s of 120 designed, 1 open case of 3
        // reached (capped at 1), volume ln 4 / ln 5; a: drop-off 1/4, 300 s of 60 designed (capped at 1)
        JsonPath p = get(painPoints);
        assertEquals(List.of("b", "a", "c"), p.getList("touchpoints.key"));
        assertEquals(0.6667f, p.getFloat(tp("b") + ".components.dropOff"));
        assertEquals(1.0f, p.getFloat(tp("b") + ".components.unhappy"));
        assertEquals(1.0f, p.getFloat(tp("b") + ".components.negativeComments"));
        assertEquals(0.0f, p.getFloat(tp("b") + ".components.overTime"));
        assertEquals(1.0f, p.getFloat(tp("b") + ".components.openCases"));
        assertEquals(0.8614f, p.getFloat(tp("b") + ".components.volume"));
        near(100 * 0.8614 * (0.35 * 0.6667 + 0.25 + 0.15 + 0.10), p.getDouble(tp("b") + ".score"), 0.01);
        near(100 * (0.35 * 0.25 + 0.15), p.getDouble(tp("a") + ".score"), 0.01);
        assertEquals(0.0f, p.getFloat(tp("a") + ".components.openCases"), "a's case is closed");
        assertEquals(0.0f, p.getFloat(tp("c") + ".score"));
        assertEquals("written down for b", p.getString(tp("b") + ".designedPainPoints[0].text"));

        // a: (4·1 − 2 + 0.8) / 1.5; b: (4·0.25 − 2·2 − 0.9) / 3
        JsonPath e = get("/analytics/journeys/" + journey + "/emotion-curve?from=" + day + "&to=" + day);
        assertEquals(1, e.getInt(tp("a") + ".designed"));
        near(1.8667, e.getDouble(tp("a") + ".actual"), 0.0001);
        near(0.8667, e.getDouble(tp("a") + ".gap"), 0.0001);
        near(-1.3, e.getDouble(tp("b") + ".actual"), 0.0001);
        near(-1.3, e.getDouble(tp("b") + ".gap"), 0.0001);
        assertEquals(1, e.getInt(tp("b") + ".skipped"), "s2 went from a to c");
        assertEquals(1, e.getInt(tp("a") + ".outOfOrder"), "s3 reached b first");
        assertNull(e.get(tp("c") + ".actual"), "no answers at c");

        JsonPath overlay = get("/analytics/journeys/" + journey + "/touchpoints?from=" + day + "&to=" + day);
        assertEquals(List.of(1.0f, 0.75f, 0.5f), overlay.getList("touchpoints.reachedShare"));

        given().auth().oauth2(Tokens.forRole("analyst")).get("/analytics/journeys/" + UUID.randomUUID() + "/funnel")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(Tokens.forRole("analyst")).get("/analytics/journeys/" + journey + "/funnel?version=7")
                .then().statusCode(404);
        given().auth().oauth2(Tokens.forRole("analyst")).get("/analytics/journeys/" + journey + "/funnel?version=0")
                .then().statusCode(400).contentType("application/problem+json");
    }

    /**
     * A visitor's page view published before journey-service knew the visitor was a customer reaches analytics after
     * customer.merged: it counts for the customer, not for the visitor come back. And once the customer is erased,
     * the visitor's late events change nothing either.
     */
    @Test
    void aVisitorsEventsAfterTheMergeCountForTheCustomer() {
        UUID journey = UUID.randomUUID();
        LocalDate day = LocalDate.of(1990, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(10_000));
        Instant t0 = day.atTime(10, 0).toInstant(ZoneOffset.UTC);
        Events.send(Events.MAPS, journey.toString(), Events.published(journey, 1, List.of(
                List.<Object[]>of(new Object[] {"a", 1, "PT1M"}, new Object[] {"b", 0, "PT2M"}, new Object[] {"c", 0, "PT2M"}))));
        String funnel = "/analytics/journeys/" + journey + "/funnel?from=" + day + "&to=" + day;
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(Tokens.forRole("analyst"))
                .get(funnel).statusCode() == 200);
        UUID customer = UUID.randomUUID();
        String visitor = "v-" + UUID.randomUUID();
        walk(journey, customer.toString(), t0, "a", 0);
        await().atMost(Duration.ofSeconds(30)).until(() -> get(funnel).getInt(tp("a") + ".reached") == 1);
        Events.send(Events.CUSTOMERS, customer.toString(), Events.merged(visitor, customer, "anonymous"));
        await().atMost(Duration.ofSeconds(30)).until(() -> TestDatabase.count("analytics_test",
                "select count(*) from subject_alias where subject = ?", "anon:" + visitor) == 1);

        // the late a changes nothing (the customer reached a already); its b, in order behind it, shows it was read
        walk(journey, "anon:" + visitor, t0, "a", 10, "b", 60);
        await().atMost(Duration.ofSeconds(30)).until(() -> get(funnel).getInt(tp("b") + ".reached") == 1);
        assertEquals(1, get(funnel).getInt(tp("a") + ".reached"), "one person reached a");
        assertEquals(1, get(funnel).getInt(tp("a") + ".wentOn"), "the customer went on from a to b");

        Events.send(Events.CUSTOMERS, customer.toString(), Events.erased(customer));
        await().atMost(Duration.ofSeconds(30)).until(() -> TestDatabase.count("analytics_test",
                "select count(*) from erased_subject where subject = ?", "anon:" + visitor) == 1);
        String late = t0.plusSeconds(120).toString();
        Events.send(Events.INTERACTIONS, "anon:" + visitor,
                Events.interaction("anon:" + visitor, late, List.of(Events.placement(journey, "stage0", "c"))),
                Events.interaction("anon:other-" + visitor, late, List.of(Events.placement(journey, "stage0", "c"))));
        // the other visitor's c comes behind the erased one's in the same partition: once it is counted, both were read
        await().atMost(Duration.ofSeconds(30)).until(() -> TestDatabase.count("analytics_test",
                "select count(*) from journey_subject where subject = ?", "anon:other-" + visitor) == 1);
        assertEquals(1, get(funnel).getInt(tp("c") + ".reached"), "only the other visitor: the erased one's alias is erased");
    }

    /** Interactions of {@code subject} at touchpoint, seconds after t0, ... (all placed on the test journey). */
    private static void walk(UUID journey, String subject, Instant t0, Object... steps) {
        String[] events = new String[steps.length / 2];
        for (int i = 0; i < steps.length; i += 2) {
            String at = t0.plusSeconds(((Number) steps[i + 1]).longValue()).toString();
            events[i / 2] = Events.interaction(subject, at, List.of(Events.placement(journey, "stage0", (String) steps[i])));
        }
        Events.send(Events.INTERACTIONS, subject, events);
    }
}
