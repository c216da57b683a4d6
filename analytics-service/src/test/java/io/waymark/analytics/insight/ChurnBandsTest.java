package io.waymark.analytics.insight;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.waymark.analytics.domain.churn.ChurnScoring;
import io.waymark.testing.DevstackTestResource;
import io.waymark.testing.EventFixtures;
import io.waymark.testing.KafkaTopics;
import io.waymark.testing.TestDatabase;
import io.waymark.testing.Tokens;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.junit.jupiter.api.Test;

/**
 * A customer's band as the retention team sees it: published once when it changes (through the outbox, on the
 * test topic), its factors in words, the ranked list, and nothing left after erasure. Trains its own model on a
 * small world first when none serves (ChurnRiskTest's, when it ran before, serves already).
 */
@QuarkusTest
@WithTestResource(DevstackTestResource.class)
class ChurnBandsTest {

    static final String DB = "analytics_test";
    static final String TOPIC = "test.analytics.events";

    @Inject
    ChurnScoring scoring;

    static JsonPath risk(UUID customer) {
        return given().auth().oauth2(Tokens.forRole("analyst")).get("/analytics/customers/" + customer + "/churn-risk")
                .then().statusCode(200).extract().jsonPath();
    }

    static List<JsonNode> published(UUID customer) throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> out = new ArrayList<>();
        try (KafkaCompanion kafka = KafkaTopics.companion()) {
            for (ConsumerRecord<String, String> r : kafka.consumeStrings().withOffsetReset(OffsetResetStrategy.EARLIEST)
                    .fromTopics(Set.of(TOPIC), Duration.ofSeconds(5)).awaitCompletion(Duration.ofSeconds(20)).getRecords()) {
                if (customer.toString().equals(r.key())) {
                    out.add(json.readTree(r.value()));
                }
            }
        }
        return out;
    }

    static long outboxRows(UUID customer) throws Exception {
        return TestDatabase.count(DB, "select count(*) from outbox_event where message_key = ? and type = ?",
                customer.toString(), "io.waymark.analytics.churn-risk-changed.v1");
    }

    @Test
    void aBandChangeIsPublishedOnceAndErasureLeavesNothing() throws Exception {
        if (TestDatabase.count(DB, "select count(*) from churn_model where serving") == 0) {
            ChurnWorld small = new ChurnWorld(600, 7L);
            small.send();
            String last = small.customers.getLast().toString();
            await().atMost(Duration.ofSeconds(120)).until(() -> TestDatabase.count(DB,
                    "select count(*) from churn_stage_move where customer_id = ?::uuid", last) == 1);
            Thread.sleep(3000);
            given().auth().oauth2(Tokens.forRole("admin")).post("/analytics/churn-model/train").then().statusCode(200);
        }
        UUID customer = UUID.randomUUID();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String silentSince = today.minusDays(45) + "T10:00:00Z";
        UUID journey = UUID.randomUUID();
        Events.send(Events.CUSTOMERS, customer.toString(), Events.created(customer, "PURCHASE", today.minusDays(50) + "T09:00:00Z"));
        Events.send(Events.INTERACTIONS, customer.toString(), Events.interaction(customer.toString(), silentSince,
                List.of(Events.placement(journey, "pay", "payment-retry"))));
        Events.send(Events.FEEDBACK, customer.toString(), Events.answer(customer, "NPS", 1, 0.1, -0.8, "PURCHASE", journey,
                "delivery", silentSince));
        await().atMost(Duration.ofSeconds(30)).until(() -> TestDatabase.count(DB,
                "select (select count(*) from churn_stage_move where customer_id = ?::uuid) "
                        + "+ (select count(*) from churn_answer where customer_id = ?::uuid)", customer.toString(),
                customer.toString()) == 2);

        // 45 days silent, a detractor: high by any model that learnt silence (45 of the 60 days) as risk
        JsonPath before = risk(customer);
        assertEquals("high", before.getString("band"), "p = " + before.getDouble("probability"));
        assertTrue(before.getList("factors.words").contains("no interaction for 45 days"), before.prettify());
        scoring.all().await().atMost(Duration.ofMinutes(2));
        assertEquals(1, outboxRows(customer), "a first band above low is published");
        scoring.all().await().atMost(Duration.ofMinutes(2));
        assertEquals(1, outboxRows(customer), "the same band again is not");

        // active today and on the days before, a promoter now: the band falls
        List<String> recent = new ArrayList<>();
        for (int d = 6; d >= 0; d--) {
            recent.add(Events.interaction(customer.toString(), today.minusDays(d) + "T00:00:01Z", List.of()));
        }
        Events.send(Events.INTERACTIONS, customer.toString(), recent.toArray(String[]::new));
        Events.send(Events.FEEDBACK, customer.toString(), Events.answer(customer, "NPS", 10, 1.0, 0.7, "PURCHASE", journey,
                "delivery", today + "T00:00:01Z"));
        await().atMost(Duration.ofSeconds(30)).until(() -> TestDatabase.count(DB,
                "select count(*) from churn_activity_day where subject = ?", customer.toString()) == 8);
        JsonPath after = risk(customer);
        assertNotEquals("high", after.getString("band"), "p = " + after.getDouble("probability"));
        scoring.all().await().atMost(Duration.ofMinutes(2));
        assertEquals(2, outboxRows(customer));
        await().atMost(Duration.ofSeconds(30)).until(() -> published(customer).size() == 2);
        List<JsonNode> events = published(customer);
        assertEquals("high", events.get(0).path("data").path("band").asText());
        assertTrue(events.get(0).path("data").path("previousBand").isMissingNode(), "none before (nulls are left out)");
        assertEquals("high", events.get(1).path("data").path("previousBand").asText());
        assertEquals(after.getString("band"), events.get(1).path("data").path("band").asText());
        assertEquals(2, events.get(1).path("aggregateversion").asInt());
        EventFixtures.assertSameShape("analytics.churn-risk-changed.v1", events.get(1).toString());

        // erased: history, score and export gone, no longer answered or listed
        Events.send(Events.CUSTOMERS, customer.toString(), Events.erased(customer));
        await().atMost(Duration.ofSeconds(30)).until(() -> TestDatabase.count(DB,
                "select (select count(*) from churn_score where customer_id = ?::uuid) "
                        + "+ (select count(*) from churn_activity_day where subject = ?) "
                        + "+ (select count(*) from churn_answer where customer_id = ?::uuid) "
                        + "+ (select count(*) from churn_stage_move where customer_id = ?::uuid)",
                customer.toString(), customer.toString(), customer.toString(), customer.toString()) == 0);
        given().auth().oauth2(Tokens.forRole("analyst")).get("/analytics/customers/" + customer + "/churn-risk")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(Tokens.forClient("customer-service", "customer-service-secret"))
                .get("/privacy/customers/" + customer).then().statusCode(200)
                .body("parts.churnRisk", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void theRankedListPagesRiskiestFirst() {
        if (given().auth().oauth2(Tokens.forRole("analyst")).get("/analytics/churn-model").statusCode() == 404) {
            return; // the other test trains first when it runs alone; this one needs a serving model's scores
        }
        JsonPath first = given().auth().oauth2(Tokens.forRole("analyst")).get("/analytics/churn-risk?band=medium&limit=3")
                .then().statusCode(200).extract().jsonPath();
        List<Float> p = first.getList("items.probability", Float.class);
        assertFalse(p.isEmpty(), "some customers are at medium risk");
        for (int i = 1; i < p.size(); i++) {
            assertTrue(p.get(i) <= p.get(i - 1), "riskiest first: " + p);
        }
        assertTrue(first.getList("items.band").stream().allMatch("medium"::equals));
        String next = first.getString("next");
        if (next != null) {
            JsonPath second = given().auth().oauth2(Tokens.forRole("analyst"))
                    .get("/analytics/churn-risk?band=medium&limit=3&cursor=" + next).then().statusCode(200).extract().jsonPath();
            assertTrue(second.getList("items.probability", Float.class).getFirst() <= p.getLast());
            assertFalse(first.getList("items.customerId").contains(second.getList("items.customerId").getFirst()));
        }
        Map<String, Object> top = given().auth().oauth2(Tokens.forRole("analyst")).get("/analytics/churn-risk?limit=1")
                .then().statusCode(200).extract().jsonPath().getMap("items[0]");
        assertTrue(((Number) top.get("probability")).floatValue() >= p.getFirst(), "without a band, the riskiest of all");
    }

    @Test
    void badInputIsAProblemAndOnlyAdminsTrain() {
        String analyst = Tokens.forRole("analyst");
        for (String query : List.of("band=severe", "limit=0", "cursor=bm9wZQ", "segment=nope")) {
            given().auth().oauth2(analyst).get("/analytics/churn-risk?" + query).then().statusCode(400)
                    .contentType("application/problem+json");
        }
        given().auth().oauth2(analyst).get("/analytics/customers/nope/churn-risk").then().statusCode(400)
                .contentType("application/problem+json");
        given().auth().oauth2(analyst).get("/analytics/churn-model?version=0").then().statusCode(400);
        given().auth().oauth2(analyst).get("/analytics/churn-model?version=999999").then().statusCode(404);
        given().auth().oauth2(analyst).post("/analytics/churn-model/train").then().statusCode(403);
        given().auth().oauth2(Tokens.forRole("designer")).get("/analytics/churn-risk").then().statusCode(403);
        given().post("/analytics/churn-model/train").then().statusCode(401);
    }
}
