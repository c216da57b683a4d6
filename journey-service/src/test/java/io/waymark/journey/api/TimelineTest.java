package io.waymark.journey.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.waymark.testing.DevstackTestResource;
import io.waymark.testing.EventFixtures;
import io.waymark.testing.KafkaTopics;
import io.waymark.testing.TestDatabase;
import io.waymark.testing.Tokens;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/** The timeline, newest first and paged; merges re-key it, erasure deletes it (customer.events from Kafka). */
@QuarkusTest
@WithTestResource(DevstackTestResource.class)
class TimelineTest {

    private static final String CUSTOMER_EVENTS = "test.customer.events";

    private static void customerEvent(String fixture, String key, Map<String, String> replacements) {
        // a fresh event id: the fixture's would be a redelivery of the last test's
        String event = EventFixtures.load(fixture).replaceAll("019ab3c2-8a20-7c4a-9a51-3f0d2c6b8e[0-9a-f]{2}",
                UUID.randomUUID().toString());
        for (var r : replacements.entrySet()) {
            event = event.replace(r.getKey(), r.getValue());
        }
        try (var kafka = KafkaTopics.companion()) {
            kafka.produceStrings().fromRecords(new ProducerRecord<>(CUSTOMER_EVENTS, key, event)).awaitCompletion();
        }
    }

    private static io.restassured.response.ValidatableResponse timeline(UUID customer, String query) {
        return given().auth().oauth2(Tokens.forRole("analyst")).redirects().follow(false)
                .get("/customers/" + customer + "/timeline" + query).then();
    }

    @Test
    void newestFirstInPagesThatFollowEachOther() {
        UUID customer = UUID.randomUUID();
        OffsetDateTime t = OffsetDateTime.now(ZoneOffset.UTC).withNano(0);
        List<Object> batch = new ArrayList<>();
        List<String> newestFirst = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            UUID id = UUID.randomUUID();
            batch.add(Interactions.of(id, customer, "step_" + i, t.minusHours(i)));
            newestFirst.add("step_" + i);
        }
        Interactions.post(batch).statusCode(202).body("accepted", equalTo(5));
        await().atMost(Duration.ofSeconds(30)).until(() -> timeline(customer, "").extract().path("items.size()").equals(5));
        String next = timeline(customer, "?limit=2").statusCode(200)
                .body("items.type", contains(newestFirst.get(0), newestFirst.get(1)))
                .extract().path("next");
        String third = timeline(customer, "?limit=2&cursor=" + next)
                .body("items.type", contains(newestFirst.get(2), newestFirst.get(3))).extract().path("next");
        timeline(customer, "?limit=2&cursor=" + third).body("items.type", contains(newestFirst.get(4)))
                .body("next", nullValue());
        timeline(customer, "?limit=0").statusCode(400).body("violations[0].field", equalTo("limit"));
        timeline(customer, "?cursor=nonsense").statusCode(400).body("violations[0].field", equalTo("cursor"));
        given().auth().oauth2(Tokens.forRole("ingest")).get("/customers/" + customer + "/timeline").then().statusCode(403);

        // the GDPR export (customer-service asks with its own token) holds the same interactions
        given().auth().oauth2(Tokens.forClient("customer-service", "customer-service-secret"))
                .get("/privacy/customers/" + customer).then().statusCode(200)
                .body("parts.interactions.items.type", contains(newestFirst.toArray()))
                .body("parts.interactions.truncated", equalTo(false));
        given().auth().oauth2(Tokens.forClient("customer-service", "customer-service-secret"))
                .get("/privacy/customers/" + UUID.randomUUID()).then().statusCode(200)
                .body("parts", equalTo(Map.of()));
    }

    @Test
    void anAnonymousVisitorsInteractionsBelongToTheCustomerOnceMergedAndLaterOnesTooAndErasureDeletesThem()
            throws Exception {
        UUID customer = UUID.randomUUID();
        String visitor = "web-" + UUID.randomUUID();
        Map<String, Object> before = Interactions.of(customer, "page_view");
        before.remove("customerId");
        before.put("anonymousId", visitor);
        Interactions.post(before).statusCode(202).body("accepted", equalTo(1));
        Interactions.awaitStored(List.of(UUID.fromString((String) before.get("id"))));
        timeline(customer, "").statusCode(200).body("items", hasSize(0));

        customerEvent("customer.merged.v1", visitor, Map.of(
                "\"fromId\": \"019ab3c2-7d00-7b21-8f3e-1a2b3c4d5e71\"", "\"fromId\": \"" + visitor + "\"",
                "\"kind\": \"customer\"", "\"kind\": \"anonymous\"",
                "019ab3c2-7d00-7b21-8f3e-1a2b3c4d5e6f", customer.toString()));
        await().atMost(Duration.ofSeconds(30)).until(() -> timeline(customer, "").extract().path("items.size()").equals(1));

        // the same visitor later: published and stored under the customer at once
        Map<String, Object> after = Interactions.of(customer, "signup");
        after.remove("customerId");
        after.put("anonymousId", visitor);
        Interactions.post(after).statusCode(202).body("accepted", equalTo(1));
        var record = KafkaTopics.first("test.journey.interactions", r -> r.value().contains((String) after.get("id")));
        assertEquals(customer.toString(), record.key());
        await().atMost(Duration.ofSeconds(30)).until(() -> timeline(customer, "").extract().path("items.size()").equals(2));

        // a customer merged into another: its timeline answers 301 to the survivor's
        UUID survivor = UUID.randomUUID();
        customerEvent("customer.merged.v1", customer.toString(), Map.of(
                "019ab3c2-7d00-7b21-8f3e-1a2b3c4d5e71", customer.toString(),
                "019ab3c2-7d00-7b21-8f3e-1a2b3c4d5e6f", survivor.toString()));
        await().atMost(Duration.ofSeconds(30)).until(() -> timeline(customer, "").extract().statusCode() == 301);
        timeline(customer, "").header("Location", org.hamcrest.Matchers.endsWith("/customers/" + survivor + "/timeline"));
        timeline(survivor, "").statusCode(200).body("items", hasSize(2));

        customerEvent("customer.erased.v1", survivor.toString(), Map.of("019ab3c2-7d00-7b21-8f3e-1a2b3c4d5e6f", survivor.toString()));
        await().atMost(Duration.ofSeconds(30)).until(() -> timeline(survivor, "").extract().statusCode() == 410);
        timeline(survivor, "").contentType("application/problem+json");
        assertEquals(0, Interactions.stored(List.of(
                UUID.fromString((String) before.get("id")), UUID.fromString((String) after.get("id")))));
        // nothing more is recorded about an erased customer, under any of its ids
        Interactions.post(Interactions.of(survivor, "page_view")).statusCode(202).body("rejected", equalTo(1))
                .body("results[0].field", equalTo("customerId"));
        Interactions.post(Interactions.of(customer, "page_view")).statusCode(202).body("rejected", equalTo(1));
        assertEquals(0, TestDatabase.count(Interactions.DATABASE,
                "select count(*) from customer_alias where customer_id = ?", survivor));
    }
}
