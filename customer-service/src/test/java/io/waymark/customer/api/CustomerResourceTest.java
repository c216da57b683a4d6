package io.waymark.customer.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.waymark.testing.DevstackTestResource;
import io.waymark.testing.EventFixtures;
import io.waymark.testing.KafkaTopics;
import io.waymark.testing.TestDatabase;
import io.waymark.testing.Tokens;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(DevstackTestResource.class)
class CustomerResourceTest {

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static String agent() {
        return Tokens.forRole("agent");
    }

    private static String create(String email) {
        return given().auth().oauth2(agent()).contentType(ContentType.JSON)
                .body(Map.of("email", email, "firstName", "Ada", "lastName", "Lovelace", "traits", Map.of("plan", "pro")))
                .post("/customers")
                .then().statusCode(201)
                .extract().path("id");
    }

    @Test
    void createsAndReadsACustomer() {
        String email = "ada-" + unique() + "@example.com";
        String id = given().auth().oauth2(agent()).contentType(ContentType.JSON)
                .body(Map.of("email", email, "firstName", "Ada", "traits", Map.of("plan", "pro", "seats", 5)))
                .post("/customers")
                .then().statusCode(201)
                .body("email", equalTo(email))
                .body("stage", equalTo("AWARENESS"))
                .body("traits.seats", equalTo(5))
                .extract().path("id");

        given().auth().oauth2(Tokens.forRole("analyst")).get("/customers/" + id)
                .then().statusCode(200)
                .body("id", equalTo(id))
                .body("email", equalTo(email))
                .body("firstName", equalTo("Ada"))
                .body("lastName", nullValue())
                .body("traits.plan", equalTo("pro"))
                .body("stage", equalTo("AWARENESS"));
    }

    @Test
    void answersWithTheLocationOfTheNewCustomer() {
        var response = given().auth().oauth2(agent()).contentType(ContentType.JSON)
                .body(Map.of("email", "loc-" + unique() + "@example.com"))
                .post("/customers");
        response.then().statusCode(201);
        String id = response.path("id");
        assertTrue(response.header("Location").endsWith("/customers/" + id), response.header("Location"));
    }

    @Test
    void publishesCustomerCreatedAsTheGoldenFixtureHasIt() throws Exception {
        String email = "event-" + unique() + "@example.com";
        String id = create(email);
        ConsumerRecord<String, String> found = KafkaTopics.first("test.customer.events", r -> id.equals(r.key()));
        EventFixtures.assertSameShape("customer.created.v1", found.value());
        JsonNode event = new ObjectMapper().readTree(found.value());
        assertEquals("io.waymark.customer.created.v1", event.path("type").asText());
        assertEquals("/waymark/customer-service", event.path("source").asText());
        assertEquals(id, event.path("subject").asText());
        assertEquals(id, event.path("data").path("customerId").asText());
        assertEquals(1, event.path("aggregateversion").asLong());
        assertEquals(7, UUID.fromString(event.path("id").asText()).version(), "event ids are time-ordered (v7)");
        assertFalse(found.value().contains(email), "no personal data in the event");
        UUID eventId = UUID.fromString(event.path("id").asText());
        // the relay marks the row once Kafka has acknowledged it, so it is not sent again
        await().atMost(Duration.ofSeconds(10)).until(() -> TestDatabase.count("customer_test",
                "select count(*) from outbox_event where event_id = ? and published_at is not null", eventId) == 1);
    }

    @Test
    void rejectsInvalidInputWithProblemDetails() {
        given().auth().oauth2(agent()).contentType(ContentType.JSON)
                .body(Map.of("email", "not-an-email", "firstName", "x".repeat(101)))
                .post("/customers")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("title", equalTo("Bad Request"))
                .body("instance", equalTo("/customers"))
                .body("violations.field", hasItem("email"))
                .body("violations.field", hasItem("firstName"));

        given().auth().oauth2(agent()).contentType(ContentType.JSON)
                .body(Map.of("email", "traits-" + unique() + "@example.com", "traits", Map.of("bad key!", 1, "", 2)))
                .post("/customers")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("traits.bad key!"))
                .body("violations.field", hasItem("traits."));

        given().auth().oauth2(agent()).contentType(ContentType.JSON)
                .body(Map.of("firstName", "NoEmail"))
                .post("/customers")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("email"));
    }

    @Test
    void rejectsMalformedJsonUnknownFieldsAndWrongTypes() {
        given().auth().oauth2(agent()).contentType(ContentType.JSON).body("{\"email\": ")
                .post("/customers")
                .then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400)).body("detail", containsString("not valid JSON"));

        given().auth().oauth2(agent()).contentType(ContentType.JSON)
                .body(Map.of("email", "x-" + unique() + "@example.com", "favouriteColour", "blue"))
                .post("/customers")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("favouriteColour"));

        given().auth().oauth2(agent()).contentType(ContentType.JSON)
                .body(Map.of("email", "x-" + unique() + "@example.com", "stage", "SOMEWHERE"))
                .post("/customers")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("stage"));

        given().auth().oauth2(agent()).contentType(ContentType.JSON)
                .post("/customers")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void refusesADuplicateEmailRegardlessOfCase() {
        String email = "dup-" + unique() + "@example.com";
        create(email);
        given().auth().oauth2(agent()).contentType(ContentType.JSON)
                .body(Map.of("email", email.toUpperCase()))
                .post("/customers")
                .then().statusCode(409).contentType("application/problem+json")
                .body("status", equalTo(409)).body("detail", containsString("already exists"));
    }

    @Test
    void unknownCustomerIsA404Problem() {
        given().auth().oauth2(agent()).get("/customers/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json").body("status", equalTo(404));
        given().auth().oauth2(agent()).get("/customers/not-a-uuid")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void needsATokenAndTheRightRole() {
        given().contentType(ContentType.JSON).body(Map.of("email", "anon@example.com"))
                .post("/customers").then().statusCode(401)
                .contentType("application/problem+json").header("WWW-Authenticate", "Bearer").body("status", equalTo(401));
        given().get("/customers/" + UUID.randomUUID()).then().statusCode(401);
        given().auth().oauth2("not-a-token").get("/customers/" + UUID.randomUUID()).then().statusCode(401)
                .contentType("application/problem+json");
        // a journey designer may not create customers, an analyst may read but not write
        given().auth().oauth2(Tokens.forRole("designer")).contentType(ContentType.JSON)
                .body(Map.of("email", "d-" + unique() + "@example.com"))
                .post("/customers").then().statusCode(403)
                .contentType("application/problem+json").body("status", equalTo(403));
        given().auth().oauth2(Tokens.forRole("analyst")).contentType(ContentType.JSON)
                .body(Map.of("email", "a-" + unique() + "@example.com"))
                .post("/customers").then().statusCode(403);
    }

    @Test
    void pagesThroughCustomersWithACursor() {
        for (int i = 0; i < 3; i++) {
            create("page-" + unique() + "@example.com");
        }
        var first = given().auth().oauth2(agent()).queryParam("limit", 2).get("/customers")
                .then().statusCode(200).body("items", hasSize(2)).body("next", notNullValue()).extract();
        List<String> firstIds = first.path("items.id");
        assertTrue(firstIds.get(0).compareTo(firstIds.get(1)) < 0, "ids ascend within a page");
        List<String> secondIds = given().auth().oauth2(agent())
                .queryParam("limit", 2).queryParam("cursor", first.<String>path("next")).get("/customers")
                .then().statusCode(200).extract().path("items.id");
        assertTrue(!secondIds.isEmpty() && firstIds.get(1).compareTo(secondIds.get(0)) < 0, "the next page continues after the first");

        // without a limit: at most the default page size
        given().auth().oauth2(agent()).get("/customers").then().statusCode(200).body("items.size()", lessThanOrEqualTo(50));

        given().auth().oauth2(agent()).queryParam("cursor", "bogus").get("/customers")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(agent()).queryParam("limit", 0).get("/customers")
                .then().statusCode(400).contentType("application/problem+json").body("violations.field", hasItem("limit"));
        given().auth().oauth2(agent()).queryParam("limit", 1000).get("/customers")
                .then().statusCode(400).contentType("application/problem+json");
    }

}
