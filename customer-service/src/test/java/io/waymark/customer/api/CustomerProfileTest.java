package io.waymark.customer.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.waymark.testing.DevstackTestResource;
import io.waymark.testing.EventFixtures;
import io.waymark.testing.KafkaTopics;
import io.waymark.testing.Tokens;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Profiles: merge-patch with ETag / If-Match, trait limits, search by text and stage. */
@QuarkusTest
@WithTestResource(DevstackTestResource.class)
class CustomerProfileTest {

    private static final String MERGE_PATCH = "application/merge-patch+json";

    private static String agent() {
        return Tokens.forRole("agent");
    }

    private static String create(String email, String firstName, Map<String, Object> traits) {
        return given().auth().oauth2(agent()).contentType(ContentType.JSON)
                .body(Map.of("email", email, "firstName", firstName, "traits", traits))
                .post("/customers").then().statusCode(201).header("ETag", "\"1\"").extract().path("id");
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aMergePatchChangesNamesAndTraitsAndPublishesWhatChanged() throws Exception {
        String id = create("patch-" + unique() + "@example.com", "Ada", Map.of("plan", "free", "seats", 1));
        given().auth().oauth2(agent()).contentType(MERGE_PATCH).header("If-Match", "\"1\"")
                .body("{\"firstName\": \"Augusta\", \"lastName\": \"King\", \"traits\": {\"plan\": \"pro\", \"seats\": null}}")
                .patch("/customers/" + id)
                .then().statusCode(200).header("ETag", "\"2\"")
                .body("firstName", equalTo("Augusta")).body("lastName", equalTo("King"))
                .body("traits.plan", equalTo("pro")).body("traits.seats", nullValue());
        given().auth().oauth2(agent()).get("/customers/" + id).then().statusCode(200).header("ETag", "\"2\"")
                .body("traits", equalTo(Map.of("plan", "pro")));

        ConsumerRecord<String, String> event = KafkaTopics.first("test.customer.events",
                r -> id.equals(r.key()) && r.value().contains("customer.updated"));
        EventFixtures.assertSameShape("customer.updated.v1", event.value());
        JsonNode json = new ObjectMapper().readTree(event.value());
        assertEquals(2, json.path("aggregateversion").asLong());
        assertEquals(List.of("firstName", "lastName", "traits.plan", "traits.seats"),
                new ObjectMapper().convertValue(json.path("data").path("changed"), List.class));
        assertFalse(event.value().contains("Augusta"), "names what changed, not the values");
    }

    @Test
    void aStaleIfMatchIs412AndNoIfMatchIsLastWriterWins() {
        String id = create("stale-" + unique() + "@example.com", "Ada", Map.of());
        given().auth().oauth2(agent()).contentType(MERGE_PATCH).header("If-Match", "\"1\"")
                .body("{\"firstName\": \"First\"}").patch("/customers/" + id).then().statusCode(200);
        given().auth().oauth2(agent()).contentType(MERGE_PATCH).header("If-Match", "\"1\"")
                .body("{\"firstName\": \"Second\"}").patch("/customers/" + id)
                .then().statusCode(412).contentType("application/problem+json").body("status", equalTo(412));
        given().auth().oauth2(agent()).contentType(MERGE_PATCH).header("If-Match", "not-a-tag")
                .body("{\"firstName\": \"Third\"}").patch("/customers/" + id).then().statusCode(412);
        given().auth().oauth2(agent()).contentType(MERGE_PATCH)
                .body("{\"firstName\": \"Last\"}").patch("/customers/" + id)
                .then().statusCode(200).header("ETag", "\"3\"").body("firstName", equalTo("Last"));
    }

    @Test
    void badPatchesAndTraitsAre400NamingTheField() {
        String id = create("bad-" + unique() + "@example.com", "Ada", Map.of());
        given().auth().oauth2(agent()).contentType(MERGE_PATCH).body("{\"colour\": \"blue\", \"email\": null}")
                .patch("/customers/" + id).then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("colour")).body("violations.field", hasItem("email"));
        given().auth().oauth2(agent()).contentType(MERGE_PATCH).body("{\"traits\": {\"bad key!\": 1}}")
                .patch("/customers/" + id).then().statusCode(400).body("violations.field", hasItem("traits.bad key!"));
        given().auth().oauth2(agent()).contentType(MERGE_PATCH)
                .body("{\"traits\": {\"deep\": {\"a\": {\"b\": {\"c\": {\"d\": 1}}}}}}")
                .patch("/customers/" + id).then().statusCode(400).body("violations.field", hasItem("traits.deep"));
        given().auth().oauth2(agent()).contentType(MERGE_PATCH)
                .body(Map.of("traits", Map.of("big", "x".repeat(5000))))
                .patch("/customers/" + id).then().statusCode(400).body("violations.field", hasItem("traits.big"));
        given().auth().oauth2(agent()).contentType(MERGE_PATCH).body("{}").patch("/customers/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(Tokens.forRole("analyst")).contentType(MERGE_PATCH).body("{}").patch("/customers/" + id)
                .then().statusCode(403);
    }

    @Test
    void searchMatchesEmailAndNamesCaseInsensitivelyAndFiltersByStage() {
        String tag = unique();
        String ada = create("lovelace-" + tag + "@example.com", "Ada" + tag, Map.of());
        String grace = given().auth().oauth2(agent()).contentType(ContentType.JSON)
                .body(Map.of("email", "hopper-" + tag + "@example.com", "lastName", "HOPPER" + tag.toUpperCase(), "stage", "PURCHASE"))
                .post("/customers").then().statusCode(201).extract().path("id");

        given().auth().oauth2(agent()).queryParam("q", tag.toUpperCase()).get("/customers")
                .then().statusCode(200).body("items.id", contains(ada, grace));
        given().auth().oauth2(agent()).queryParam("q", "hopper" + tag).get("/customers")
                .then().statusCode(200).body("items.id", contains(grace));
        given().auth().oauth2(agent()).queryParam("q", tag).queryParam("stage", "purchase").get("/customers")
                .then().statusCode(200).body("items.id", contains(grace));
        // wildcards are matched as text, not as patterns
        given().auth().oauth2(agent()).queryParam("q", "%" + tag + "_%").get("/customers")
                .then().statusCode(200).body("items", empty());
        given().auth().oauth2(agent()).queryParam("q", tag).queryParam("limit", 1).get("/customers")
                .then().statusCode(200).body("items.id", contains(ada)).body("next", not(nullValue()));
        given().auth().oauth2(agent()).queryParam("stage", "NOWHERE").get("/customers")
                .then().statusCode(400).body("violations.field", hasItem("stage")).body("detail", containsString("stage"));
    }
}
