package io.waymark.analytics.insight;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.waymark.testing.DevstackTestResource;
import io.waymark.testing.Tokens;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * The funnel and time in stage from customer.events, against hand-computed figures: per customer (a customer
 * moving back and forth counts once), by UTC day (an event at 23:30 New York time is the next day), redelivery
 * changes nothing, erasure leaves the aggregates.
 */
@QuarkusTest
@WithTestResource(DevstackTestResource.class)
class LifecycleAnalyticsTest {

    private static JsonPath get(String path) {
        return given().auth().oauth2(Tokens.forRole("analyst")).get(path).then().statusCode(200).extract().jsonPath();
    }

    private static double near(double expected, double actual) {
        assertTrue(Math.abs(actual - expected) <= expected * 0.1, actual + " is not within 10% of " + expected);
        return actual;
    }

    @Test
    void theFunnelCountsCustomersOnceByTheirFirstReachInUtcDays() throws Exception {
        LocalDate d1 = LocalDate.of(1990, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(10_000));
        LocalDate d2 = d1.plusDays(1);
        LocalDate d3 = d1.plusDays(2);
        LocalDate d4 = d1.plusDays(3);
        Events.cleanDays(d1, d4);
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        UUID c = UUID.randomUUID();
        String[] aEvents = {Events.created(a, "AWARENESS", d1 + "T10:00:00Z"),
                Events.moved(a, 2, "AWARENESS", "CONSIDERATION", d1 + "T12:00:00Z", 7200),
                Events.moved(a, 3, "CONSIDERATION", "PURCHASE", d3 + "T12:00:00Z", 172800)};
        Events.send(Events.CUSTOMERS, a.toString(), aEvents);
        Events.send(Events.CUSTOMERS, a.toString(), aEvents);
        // b moves back to AWARENESS and on again: CONSIDERATION counts once, on its first day
        Events.send(Events.CUSTOMERS, b.toString(), Events.created(b, "AWARENESS", d1 + "T08:00:00Z"),
                Events.moved(b, 2, "AWARENESS", "CONSIDERATION", d2 + "T08:00:00Z", 86400),
                Events.moved(b, 3, "CONSIDERATION", "AWARENESS", d2 + "T20:00:00Z", 43200),
                Events.moved(b, 4, "AWARENESS", "CONSIDERATION", d4 + "T08:00:00Z", 129600));
        // 23:30 in New York is 04:30 UTC the next day
        Events.send(Events.CUSTOMERS, c.toString(), Events.created(c, "AWARENESS", d1 + "T23:30:00-05:00"));

        String period = "?from=" + d1 + "&to=" + d4;
        await().atMost(Duration.ofSeconds(30)).until(() ->
                get("/analytics/funnel" + period).getInt("stages.find { it.stage == 'AWARENESS' }.reached") == 3
                        && get("/analytics/dwell" + period).getInt("stages.find { it.stage == 'AWARENESS' }.completed.count") == 3);
        JsonPath funnel = get("/analytics/funnel" + period);
        assertEquals(2, funnel.getInt("stages.find { it.stage == 'AWARENESS' }.converted"));
        assertEquals(0.6667, funnel.getDouble("stages.find { it.stage == 'AWARENESS' }.conversion"));
        near(7200, funnel.getDouble("stages.find { it.stage == 'AWARENESS' }.medianSecondsToConvert"));
        near(86400, funnel.getDouble("stages.find { it.stage == 'AWARENESS' }.p90SecondsToConvert"));
        assertEquals(2, funnel.getInt("stages.find { it.stage == 'CONSIDERATION' }.reached"));
        assertEquals(1, funnel.getInt("stages.find { it.stage == 'CONSIDERATION' }.converted"));
        near(172800, funnel.getDouble("stages.find { it.stage == 'CONSIDERATION' }.medianSecondsToConvert"));
        assertEquals(1, funnel.getInt("stages.find { it.stage == 'PURCHASE' }.reached"));
        assertEquals(0, funnel.getInt("stages.find { it.stage == 'PURCHASE' }.converted"));
        assertEquals(0, funnel.getInt("stages.find { it.stage == 'ADVOCACY' }.reached"));
        assertEquals(6, funnel.getList("stages").size());

        JsonPath firstDay = get("/analytics/funnel?from=" + d1 + "&to=" + d1);
        assertEquals(2, firstDay.getInt("stages.find { it.stage == 'AWARENESS' }.reached"), "c's day is the next one in UTC");
        assertEquals(1, firstDay.getInt("stages.find { it.stage == 'CONSIDERATION' }.reached"));

        // stays that ended: AWARENESS 2 h (a), 1 day (b), 1.5 days (b again); CONSIDERATION 2 days (a), 12 h (b)
        JsonPath dwell = get("/analytics/dwell" + period);
        assertEquals(74400.0, dwell.getDouble("stages.find { it.stage == 'AWARENESS' }.completed.meanSeconds"));
        near(86400, dwell.getDouble("stages.find { it.stage == 'AWARENESS' }.completed.medianSeconds"));
        assertEquals(2, dwell.getInt("stages.find { it.stage == 'CONSIDERATION' }.completed.count"));
        assertEquals(108000.0, dwell.getDouble("stages.find { it.stage == 'CONSIDERATION' }.completed.meanSeconds"));

        // erasing c removes c's row, not what c added to the funnel
        Events.send(Events.CUSTOMERS, c.toString(), Events.erased(c));
        await().atMost(Duration.ofSeconds(30)).until(() -> io.waymark.testing.TestDatabase.count("analytics_test",
                "select count(*) from erased_subject where subject = ?", c.toString()) == 1);
        assertEquals(3, get("/analytics/funnel" + period).getInt("stages.find { it.stage == 'AWARENESS' }.reached"));
    }

    @Test
    void stagesStillGoingCountUntilTheCustomerLeavesOrIsErased() {
        UUID customer = UUID.randomUUID();
        String stage = "ONBOARDING";
        long before = get("/analytics/dwell").getLong("stages.find { it.stage == '" + stage + "' }.current.count");
        Events.send(Events.CUSTOMERS, customer.toString(), Events.created(customer, stage, "2001-03-04T05:06:07Z"));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                get("/analytics/dwell").getLong("stages.find { it.stage == '" + stage + "' }.current.count") == before + 1);
        Events.send(Events.CUSTOMERS, customer.toString(), Events.moved(customer, 2, stage, "RETENTION", "2001-03-05T05:06:07Z", 86400));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                get("/analytics/dwell").getLong("stages.find { it.stage == '" + stage + "' }.current.count") == before);
        Events.send(Events.CUSTOMERS, customer.toString(), Events.erased(customer));
        given().auth().oauth2(Tokens.forRole("designer")).get("/analytics/dwell").then().statusCode(403);
        given().auth().oauth2(Tokens.forRole("analyst")).get("/analytics/dwell?from=2026-13-01").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", org.hamcrest.Matchers.equalTo("from"));
        given().auth().oauth2(Tokens.forRole("analyst")).get("/analytics/funnel?from=2026-05-01&to=2026-04-01")
                .then().statusCode(400);
        given().auth().oauth2(Tokens.forRole("analyst")).get("/analytics/funnel?segment=nope").then().statusCode(400)
                .body("violations[0].field", org.hamcrest.Matchers.equalTo("segment"));
    }
}
