package io.waymark.customer.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.waymark.testing.DevstackTestResource;
import io.waymark.testing.KafkaTopics;
import io.waymark.testing.Tokens;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** A system importing or replaying history says when a customer was first seen (docs/decisions/015). */
@QuarkusTest
@WithTestResource(DevstackTestResource.class)
class FirstSeenAtTest {

    private static String ingest() {
        return Tokens.forClient("waymark-ingest", "waymark-ingest-secret");
    }

    private static String email() {
        return "seen-" + UUID.randomUUID() + "@example.com";
    }

    private static OffsetDateTime at(String text) {
        return OffsetDateTime.parse(text).withOffsetSameInstant(ZoneOffset.UTC);
    }

    @Test
    void anImportedCustomerWasCreatedAndInTheirStageSinceTheyWereFirstSeen() throws Exception {
        OffsetDateTime firstSeen = OffsetDateTime.now(ZoneOffset.UTC).minusDays(100).withNano(123456000);
        String id = given().auth().oauth2(ingest()).contentType(ContentType.JSON)
                .body(Map.of("email", email(), "stage", "CONSIDERATION", "firstSeenAt", firstSeen.toString()))
                .post("/customers").then().statusCode(201).extract().path("id");
        Map<String, Object> read = given().auth().oauth2(Tokens.forRole("agent")).get("/customers/" + id)
                .then().statusCode(200).extract().path("$");
        assertEquals(firstSeen.toInstant(), at((String) read.get("createdAt")).toInstant());
        assertEquals(firstSeen.toInstant(), at((String) read.get("stageSince")).toInstant());
        assertTrue(at((String) read.get("updatedAt")).isAfter(firstSeen.plusDays(99)), "the row itself was written now");

        ConsumerRecord<String, String> created = KafkaTopics.first("test.customer.events",
                r -> id.equals(r.key()) && r.value().contains("customer.created"));
        JsonNode data = new ObjectMapper().readTree(created.value()).path("data");
        assertEquals(firstSeen.toInstant(), OffsetDateTime.parse(data.path("createdAt").asText()).toInstant(),
                "customer.created carries when the customer was first seen, so analytics counts that day");
    }

    @Test
    void identifyCreatesAVisitorFirstSeenAtTheirFirstInteractionAndAFoundCustomerKeepsTheirOwn() {
        String visitor = "web-" + UUID.randomUUID();
        String email = email();
        OffsetDateTime firstSeen = OffsetDateTime.now(ZoneOffset.UTC).minusDays(30).truncatedTo(ChronoUnit.MICROS);
        String id = given().auth().oauth2(ingest()).contentType(ContentType.JSON)
                .body(Map.of("email", email, "anonymousId", visitor, "firstSeenAt", firstSeen.toString()))
                .post("/customers/identify").then().statusCode(201).extract().path("id");
        String created = given().auth().oauth2(ingest()).contentType(ContentType.JSON)
                .body(Map.of("email", email, "firstSeenAt", firstSeen.minusDays(60).toString()))
                .post("/customers/identify").then().statusCode(200).body("id", equalTo(id))
                .extract().path("createdAt");
        assertEquals(firstSeen.toInstant(), at(created).toInstant(), "an identify that finds the customer changes no history");
    }

    @Test
    void aPersonCannotBackdateACustomer() {
        for (String path : new String[] {"/customers", "/customers/identify"}) {
            given().auth().oauth2(Tokens.forRole("agent")).contentType(ContentType.JSON)
                    .body(Map.of("email", email(), "firstSeenAt", "2026-01-01T00:00:00Z"))
                    .post(path).then().statusCode(403).contentType("application/problem+json");
        }
        // an admin may (fixing an import by hand)
        given().auth().oauth2(Tokens.forRole("admin")).contentType(ContentType.JSON)
                .body(Map.of("email", email(), "firstSeenAt", "2026-01-01T00:00:00Z"))
                .post("/customers").then().statusCode(201).body("createdAt", equalTo("2026-01-01T00:00:00Z"));
    }

    @Test
    void aFirstSeenAtInTheFutureBefore1970OrNotATimeIs400() {
        String tomorrow = OffsetDateTime.now(ZoneOffset.UTC).plusDays(1).toString();
        for (String path : new String[] {"/customers", "/customers/identify"}) {
            for (String bad : new String[] {tomorrow, "1969-12-31T23:59:59Z"}) {
                given().auth().oauth2(ingest()).contentType(ContentType.JSON)
                        .body(Map.of("email", email(), "firstSeenAt", bad))
                        .post(path).then().statusCode(400).contentType("application/problem+json")
                        .body("violations.field", hasItem("firstSeenAt"));
            }
            given().auth().oauth2(ingest()).contentType(ContentType.JSON)
                    .body(Map.of("email", email(), "firstSeenAt", "last tuesday"))
                    .post(path).then().statusCode(400).contentType("application/problem+json");
        }
        // a clock a minute ahead is taken as now
        String created = given().auth().oauth2(ingest()).contentType(ContentType.JSON)
                .body(Map.of("email", email(), "firstSeenAt", OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(1).toString()))
                .post("/customers").then().statusCode(201).extract().path("createdAt");
        assertTrue(!at(created).isAfter(OffsetDateTime.now(ZoneOffset.UTC)), "not after now: " + created);
    }
}
