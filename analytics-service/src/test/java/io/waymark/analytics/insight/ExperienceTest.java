package io.waymark.analytics.insight;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.waymark.testing.DevstackTestResource;
import io.waymark.testing.Tokens;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * NPS, CSAT and CES per group with 95% intervals worked out by hand (normal approximation, see Estimate);
 * each answer counted once however often it is delivered; groups under 30 answers marked small.
 */
@QuarkusTest
@WithTestResource(DevstackTestResource.class)
class ExperienceTest {

    private static JsonPath experience(String query) {
        return given().auth().oauth2(Tokens.forRole("analyst")).get("/analytics/experience" + query)
                .then().statusCode(200).extract().jsonPath();
    }

    private static String group(String channel) {
        return "groups.find { it.key == '" + channel + "' }";
    }

    @Test
    void scoresAndIntervalsPerChannel() throws Exception {
        LocalDate day = LocalDate.of(1990, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(10_000));
        Events.cleanDays(day, day.plusDays(1));
        String npsChannel = "nps-" + UUID.randomUUID();
        String csatChannel = "csat-" + UUID.randomUUID();
        String cesChannel = "ces-" + UUID.randomUUID();
        String bigChannel = "big-" + UUID.randomUUID();
        UUID customer = UUID.randomUUID();
        String at = day + "T12:00:00Z";
        List<String> nps = new ArrayList<>();
        for (int score : new int[] {10, 10, 9, 8, 3}) {
            nps.add(Events.answer(customer, "NPS", score, score / 10.0, null, "RETENTION", npsChannel, null, null, at));
        }
        Events.send(Events.FEEDBACK, customer.toString(), nps.toArray(String[]::new));
        Events.send(Events.FEEDBACK, customer.toString(), nps.toArray(String[]::new));
        for (int score : new int[] {5, 4, 2, 3}) {
            Events.send(Events.FEEDBACK, customer.toString(),
                    Events.answer(customer, "CSAT", score, (score - 1) / 4.0, null, "PURCHASE", csatChannel, null, null, at));
        }
        for (int score : new int[] {2, 4, 6}) {
            Events.send(Events.FEEDBACK, customer.toString(),
                    Events.answer(customer, "CES", score, (7 - score) / 6.0, null, "ONBOARDING", cesChannel, null, null, at));
        }
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            many.add(Events.answer(customer, "CSAT", i % 3 == 0 ? 1 : 5, i % 3 == 0 ? 0 : 1, null, "PURCHASE", bigChannel,
                    null, null, at));
        }
        Events.send(Events.FEEDBACK, customer.toString(), many.toArray(String[]::new));

        String period = "&by=channel&from=" + day + "&to=" + day;
        await().atMost(Duration.ofSeconds(30)).until(() ->
                experience("?metric=csat" + period).getInt(group(bigChannel) + ".responses") == 30);

        // NPS: 3 promoters, 1 detractor of 5 = 40; variance p + d - (p - d)^2 = 0.64; margin 196 * sqrt(0.64 / 5)
        JsonPath n = experience("?metric=nps" + period);
        assertEquals(5, n.getInt(group(npsChannel) + ".responses"), "a redelivered answer counts once");
        assertEquals(40.0f, n.getFloat(group(npsChannel) + ".score.value"));
        assertEquals(-30.12f, n.getFloat(group(npsChannel) + ".score.low"));
        assertEquals(100.0f, n.getFloat(group(npsChannel) + ".score.high"), "capped at the scale's end");
        assertTrue(n.getBoolean(group(npsChannel) + ".score.small"));
        assertNull(n.get(group(csatChannel)), "CSAT answers are not in the NPS groups");

        // CSAT: 2 of 4 satisfied = 50%, margin 1.96 * sqrt(0.25 / 4) = 49 points
        JsonPath c = experience("?metric=csat" + period);
        assertEquals(50.0f, c.getFloat(group(csatChannel) + ".score.value"));
        assertEquals(1.0f, c.getFloat(group(csatChannel) + ".score.low"));
        assertEquals(99.0f, c.getFloat(group(csatChannel) + ".score.high"));
        // 20 of 30 satisfied, no longer small
        assertEquals(66.67f, c.getFloat(group(bigChannel) + ".score.value"));
        assertFalse(c.getBoolean(group(bigChannel) + ".score.small"));

        // CES: mean 4, sample variance 4, margin 1.96 * sqrt(4 / 3) = 2.26
        JsonPath e = experience("?metric=ces" + period);
        assertEquals(4.0f, e.getFloat(group(cesChannel) + ".score.value"));
        assertEquals(1.74f, e.getFloat(group(cesChannel) + ".score.low"));
        assertEquals(6.26f, e.getFloat(group(cesChannel) + ".score.high"));

        // the period's days hold only this test's answers: by stage and by week they add up the same way
        JsonPath stages = experience("?metric=nps&by=stage&from=" + day + "&to=" + day);
        assertEquals(40.0f, stages.getFloat("groups.find { it.key == 'RETENTION' }.score.value"));
        JsonPath weeks = experience("?metric=csat&by=week&from=" + day + "&to=" + day);
        assertEquals(34, weeks.getInt("groups[0].responses"));
        assertEquals(1, weeks.getList("groups").size());

        given().auth().oauth2(Tokens.forRole("analyst")).get("/analytics/experience?metric=mood").then().statusCode(400)
                .contentType("application/problem+json");
        given().auth().oauth2(Tokens.forRole("analyst")).get("/analytics/experience?by=planet").then().statusCode(400);
    }
}
