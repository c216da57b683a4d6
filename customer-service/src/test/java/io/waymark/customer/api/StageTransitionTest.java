package io.waymark.customer.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
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
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Lifecycle stages with history: moves in any direction, reasons for moving back, the event. */
@QuarkusTest
@WithTestResource(DevstackTestResource.class)
class StageTransitionTest {

    private static String agent() {
        return Tokens.forRole("agent");
    }

    private static String newCustomer() {
        return given().auth().oauth2(agent()).contentType(ContentType.JSON)
                .body(Map.of("email", "stage-" + UUID.randomUUID() + "@example.com"))
                .post("/customers").then().statusCode(201).extract().path("id");
    }

    private static io.restassured.response.ValidatableResponse move(String id, Map<String, Object> body) {
        return given().auth().oauth2(agent()).contentType(ContentType.JSON).body(body)
                .post("/customers/" + id + "/stage-transitions").then();
    }

    @Test
    void movesAreKeptInOrderWithTheirCauseAndPublished() throws Exception {
        String id = newCustomer();
        move(id, Map.of("to", "CONSIDERATION")).statusCode(201)
                .body("from", equalTo("AWARENESS")).body("to", equalTo("CONSIDERATION"))
                .body("cause", equalTo("manual")).body("actor", equalTo("demo-agent"))
                .body("secondsInPreviousStage", greaterThanOrEqualTo(0));
        move(id, Map.of("to", "PURCHASE")).statusCode(201);
        given().auth().oauth2(agent()).get("/customers/" + id).then().statusCode(200)
                .body("stage", equalTo("PURCHASE")).header("ETag", "\"3\"");
        given().auth().oauth2(Tokens.forRole("analyst")).get("/customers/" + id + "/stage-transitions")
                .then().statusCode(200).body("items.to", contains("CONSIDERATION", "PURCHASE"));

        ConsumerRecord<String, String> event = KafkaTopics.first("test.customer.events",
                r -> id.equals(r.key()) && r.value().contains("\"PURCHASE\""));
        EventFixtures.assertSameShape("customer.stage-changed.v1", event.value());
        JsonNode json = new ObjectMapper().readTree(event.value());
        assertEquals(3, json.path("aggregateversion").asLong());
        assertEquals("CONSIDERATION", json.path("data").path("from").asText());
    }

    @Test
    void movingBackNeedsAReasonAndStayingPutIsAConflict() {
        String id = newCustomer();
        move(id, Map.of("to", "RETENTION")).statusCode(201);
        move(id, Map.of("to", "CONSIDERATION")).statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("reason"));
        move(id, Map.of("to", "CONSIDERATION", "reason", "asked for a new quote")).statusCode(201)
                .body("reason", equalTo("asked for a new quote"));
        move(id, Map.of("to", "CONSIDERATION")).statusCode(409).contentType("application/problem+json");
        move(id, Map.of("to", "NOWHERE")).statusCode(400);
        move(UUID.randomUUID().toString(), Map.of("to", "PURCHASE")).statusCode(404);
    }

    @Test
    void onlyAgentsAndAdminsMoveCustomers() {
        String id = newCustomer();
        given().auth().oauth2(Tokens.forRole("analyst")).contentType(ContentType.JSON).body(Map.of("to", "PURCHASE"))
                .post("/customers/" + id + "/stage-transitions").then().statusCode(403);
        given().auth().oauth2(Tokens.forRole("ingest")).contentType(ContentType.JSON).body(Map.of("to", "PURCHASE"))
                .post("/customers/" + id + "/stage-transitions").then().statusCode(403);
        given().auth().oauth2(Tokens.forRole("admin")).contentType(ContentType.JSON).body(Map.of("to", "PURCHASE"))
                .post("/customers/" + id + "/stage-transitions").then().statusCode(201);
    }
}
