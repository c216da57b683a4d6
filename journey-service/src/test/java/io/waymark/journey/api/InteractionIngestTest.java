package io.waymark.journey.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.waymark.testing.DevstackTestResource;
import io.waymark.testing.EventFixtures;
import io.waymark.testing.KafkaTopics;
import io.waymark.testing.Tokens;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** POST /interactions against the real Kafka and PostgreSQL: per-item answers, repeats, the event, limits. */
@QuarkusTest
@WithTestResource(DevstackTestResource.class)
class InteractionIngestTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aBatchOfGoodBadAndRepeatedItemsGetsAnAnswerPerItemAndOnlyTheGoodOnesAreStoredOnce() throws Exception {
        UUID customer = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Map<String, Object> good1 = Interactions.of(customer, "page_view");
        Map<String, Object> good2 = Interactions.of(UUID.randomUUID(), customer, "signup", now.minusMonths(6));
        Map<String, Object> noType = Interactions.of(customer, "page_view");
        noType.remove("type");
        Map<String, Object> future = Interactions.of(UUID.randomUUID(), customer, "page_view", now.plusDays(2));
        Map<String, Object> twoWhos = Interactions.of(customer, "page_view");
        twoWhos.put("anonymousId", "web-1");
        Map<String, Object> badProperty = Interactions.of(customer, "page_view");
        badProperty.put("properties", Map.of("nested", Map.of("a", 1)));
        Map<String, Object> unknownField = Interactions.of(customer, "page_view");
        unknownField.put("colour", "red");
        Map<String, Object> tooOld = Interactions.of(UUID.randomUUID(), customer, "page_view", now.minusYears(3));
        Map<String, Object> badChannel = Interactions.of(customer, "page_view");
        badChannel.put("channel", "telepathy");
        List<Object> batch = List.of(good1, noType, good2, future, good1, twoWhos, badProperty, unknownField, tooOld,
                badChannel, "not an object");

        Interactions.post(batch).statusCode(202)
                .body("accepted", equalTo(2)).body("duplicates", equalTo(1)).body("rejected", equalTo(8))
                .body("results", hasSize(11))
                .body("results[0].status", equalTo("accepted")).body("results[0].id", equalTo(good1.get("id")))
                .body("results[1].status", equalTo("rejected")).body("results[1].field", equalTo("type"))
                .body("results[1].id", equalTo(noType.get("id")))
                .body("results[2].status", equalTo("accepted")).body("results[2].index", equalTo(2))
                .body("results[3].field", equalTo("occurredAt"))
                .body("results[4].status", equalTo("duplicate"))
                .body("results[5].field", equalTo("customerId"))
                .body("results[6].field", equalTo("properties.nested"))
                .body("results[7].field", equalTo("colour"))
                .body("results[8].field", equalTo("occurredAt"))
                .body("results[9].field", equalTo("channel"))
                .body("results[10].status", equalTo("rejected")).body("results[10].id", nullValue())
                .body("results[10].retryable", nullValue());

        List<UUID> good = List.of(UUID.fromString((String) good1.get("id")), UUID.fromString((String) good2.get("id")));
        Interactions.awaitStored(good);

        // the same batch again (a client retrying after a timeout): the good ones are duplicates now
        Interactions.post(batch).statusCode(202).body("accepted", equalTo(0)).body("duplicates", equalTo(3))
                .body("results[0].status", equalTo("duplicate")).body("results[2].status", equalTo("duplicate"));
        Thread.sleep(1000);
        assertEquals(2, Interactions.stored(good));
    }

    @Test
    void oneInteractionIsPublishedAsTheGoldenEventKeyedByItsCustomer() throws Exception {
        UUID customer = UUID.randomUUID();
        Map<String, Object> item = Interactions.of(customer, "checkout_started");
        item.put("properties", Map.of("amount", 49.9, "plan", "pro"));
        Interactions.post(item).statusCode(202).body("accepted", equalTo(1)).body("results[0].index", equalTo(0));
        var record = KafkaTopics.first("test.journey.interactions", r -> r.value().contains((String) item.get("id")));
        assertEquals(customer.toString(), record.key());
        EventFixtures.assertSameShape("interaction.recorded.v1", record.value());
        JsonNode data = JSON.readTree(record.value()).path("data");
        assertEquals("checkout_started", data.path("type").asText());
        assertEquals(49.9, data.path("properties").path("amount").asDouble());
    }

    @Test
    void aRepeatOfAnInteractionOnTheLogIsStoredOnce() throws Exception {
        UUID customer = UUID.randomUUID();
        Map<String, Object> item = Interactions.of(customer, "page_view");
        UUID id = UUID.fromString((String) item.get("id"));
        Interactions.post(item).statusCode(202).body("accepted", equalTo(1));
        var record = KafkaTopics.first("test.journey.interactions", r -> r.value().contains(id.toString()));
        // redelivered as is, and published again under another event id (a producer retry gone wrong)
        String again = record.value().replace(JSON.readTree(record.value()).path("id").asText(), UUID.randomUUID().toString());
        try (var kafka = KafkaTopics.companion()) {
            kafka.produceStrings().fromRecords(
                    new org.apache.kafka.clients.producer.ProducerRecord<>("test.journey.interactions", record.key(), record.value()),
                    new org.apache.kafka.clients.producer.ProducerRecord<>("test.journey.interactions", record.key(), again))
                    .awaitCompletion();
        }
        Interactions.awaitStored(List.of(id));
        Thread.sleep(1500);
        assertEquals(1, Interactions.stored(List.of(id)));
    }

    @Test
    void anInteractionLandsOnTheTouchpointsWhoseTypesItHasAndUnplacedOnesAreKeptAndCounted() throws Exception {
        String type = "gift_wrapped_" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> map = JourneyMaps.map("Gift wrapping " + UUID.randomUUID(), "product");
        @SuppressWarnings("unchecked")
        var stages = (List<Map<String, Object>>) map.get("stages");
        stages.add(JourneyMaps.stage("wrap", "Wrap", "PURCHASE", JourneyMaps.touchpoint("wrap-it", "Wraps the gift", 1, type)));
        String designer = Tokens.forRole("designer");
        String journey = given().auth().oauth2(designer).contentType(ContentType.JSON).body(map).post("/journeys")
                .then().statusCode(201).extract().path("id");
        given().auth().oauth2(designer).post("/journeys/" + journey + "/publish").then().statusCode(201);

        UUID customer = UUID.randomUUID();
        Map<String, Object> placed = Interactions.of(customer, type);
        Map<String, Object> unplaced = Interactions.of(customer, "nobody_maps_this_" + UUID.randomUUID().toString().substring(0, 8));
        Interactions.post(List.of(placed, unplaced)).statusCode(202).body("accepted", equalTo(2)).body("unplaced", equalTo(1));

        var record = KafkaTopics.first("test.journey.interactions", r -> r.value().contains((String) placed.get("id")));
        JsonNode placement = JSON.readTree(record.value()).path("data").path("placements");
        assertEquals(1, placement.size());
        assertEquals(journey, placement.get(0).path("journeyId").asText());
        assertEquals(1, placement.get(0).path("journeyVersion").asInt());
        assertEquals("wrap", placement.get(0).path("stageKey").asText());
        assertEquals("wrap-it", placement.get(0).path("touchpointKey").asText());
        assertEquals("PURCHASE", placement.get(0).path("lifecycleStage").asText());

        Interactions.awaitStored(List.of(UUID.fromString((String) placed.get("id")), UUID.fromString((String) unplaced.get("id"))));
        given().auth().oauth2(Tokens.forRole("agent")).get("/customers/" + customer + "/timeline").then().statusCode(200)
                .body("items", hasSize(2))
                .body("items.find { it.type == '" + type + "' }.placements[0].touchpointName", equalTo("Wraps the gift"))
                .body("items.find { it.type == '" + type + "' }.placements[0].journeyName", equalTo(map.get("name")))
                .body("items.find { it.type != '" + type + "' }.placements", hasSize(0));
        given().get("/q/metrics").then().body(org.hamcrest.Matchers.containsString("waymark_interactions_unplaced_total"));
    }

    @Test
    void onlyIngestAndAdminMayRecordAndBatchesAreBounded() {
        Map<String, Object> item = Interactions.of(UUID.randomUUID(), "page_view");
        given().contentType(ContentType.JSON).body(item).post("/interactions").then().statusCode(401)
                .contentType("application/problem+json");
        given().auth().oauth2(Tokens.forRole("designer")).contentType(ContentType.JSON).body(item).post("/interactions")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(Tokens.forRole("admin")).contentType(ContentType.JSON).body(item).post("/interactions")
                .then().statusCode(202);

        List<Object> tooMany = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            tooMany.add(Interactions.of(UUID.randomUUID(), "page_view"));
        }
        Interactions.post(tooMany).statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("body"));
        Interactions.post(List.of()).statusCode(400);
        Interactions.post("42").statusCode(400);
        Interactions.post("[{\"id\": ").statusCode(400).contentType("application/problem+json");
        // 300 KiB passes here (the batch path's limit is 4 MiB) but not on an ordinary path
        String big = "[" + json(Interactions.of(UUID.randomUUID(), "page_view")) + "," + " ".repeat(300 * 1024)
                + json(Interactions.of(UUID.randomUUID(), "page_view")) + "]";
        Interactions.post(big).statusCode(202).body("accepted", equalTo(2));
        given().auth().oauth2(Tokens.forRole("designer")).contentType(ContentType.JSON).body(big).post("/journeys")
                .then().statusCode(413).contentType("application/problem+json");
        String huge = "[" + " ".repeat(5 * 1024 * 1024) + "]";
        Interactions.post(huge).statusCode(413).contentType("application/problem+json");
    }

    private static String json(Map<String, Object> item) {
        try {
            return JSON.writeValueAsString(item);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void itemsOfADuplicatedIdWithinTheRequestAndRecentlyAcceptedOnesAreDuplicates() {
        UUID customer = UUID.randomUUID();
        Map<String, Object> a = Interactions.of(customer, "page_view");
        Interactions.post(a).statusCode(202).body("accepted", equalTo(1));
        // sent again at once, before the store has it: still answered duplicate
        Interactions.post(List.of(a, a)).statusCode(202).body("duplicates", equalTo(2))
                .body("results.status", org.hamcrest.Matchers.everyItem(equalTo("duplicate")));
    }
}
