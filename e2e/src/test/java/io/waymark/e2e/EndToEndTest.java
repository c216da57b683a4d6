package io.waymark.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;

import io.restassured.http.ContentType;
import io.waymark.testing.Tokens;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The whole slice as a frontend sees it: the five apps this build has just made, started here on their own
 * ports (never the ones ./waymark up may run), in front of real PostgreSQL, Kafka and Keycloak, called only
 * through the gateway with real tokens.
 */
class EndToEndTest extends ThroughTheGateway {

    private static long awareness() {
        List<Map<String, Object>> stages = given().auth().oauth2(Tokens.forRole("analyst"))
                .get("/api/analytics/stages").then().statusCode(200).extract().path("stages");
        return stages.stream().filter(s -> s.get("stage").equals("AWARENESS"))
                .mapToLong(s -> ((Number) s.get("customers")).longValue()).findFirst().orElseThrow();
    }

    @Test
    void aCustomerCreatedThroughTheGatewayIsCountedByAnalytics() {
        long before = awareness();
        String email = "e2e-" + UUID.randomUUID() + "@example.com";
        String id = given().auth().oauth2(Tokens.forRole("agent")).contentType(ContentType.JSON)
                .body(Map.of("email", email, "firstName", "Grace"))
                .post("/api/customers")
                .then().statusCode(201)
                .header("Location", matchesPattern("http://[^/]+/api/customers/[0-9a-f-]{36}"))
                .body("stage", equalTo("AWARENESS"))
                .extract().path("id");

        given().auth().oauth2(Tokens.forRole("agent")).get("/api/customers/" + id)
                .then().statusCode(200).body("email", equalTo(email));

        // customer-service -> outbox -> Kafka customer.events -> analytics-service inbox + projection; normally
        // under a second, but a consumer that has just started may still be joining its group
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> awareness() >= before + 1);
    }

    @Test
    void badInputIsA400ProblemThroughTheGateway() {
        given().auth().oauth2(Tokens.forRole("agent")).contentType(ContentType.JSON)
                .body(Map.of("email", "not-an-email"))
                .post("/api/customers")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("instance", equalTo("/api/customers"))
                .body("violations.field", hasItem("email"));
    }

    @Test
    void noTokenIs401AndAWrongRoleIs403() {
        given().get("/api/analytics/stages").then().statusCode(401);
        given().contentType(ContentType.JSON).body(Map.of("email", "x@example.com")).post("/api/customers")
                .then().statusCode(401);
        // refused at the edge
        given().auth().oauth2(Tokens.forRole("designer")).get("/api/analytics/stages").then().statusCode(403);
        // let through by the gateway (analysts may read customers), refused by customer-service (no writes)
        given().auth().oauth2(Tokens.forRole("analyst")).contentType(ContentType.JSON)
                .body(Map.of("email", "y-" + UUID.randomUUID() + "@example.com")).post("/api/customers")
                .then().statusCode(403);
    }

    @Test
    void theIngestServiceAccountCanCreateCustomers() {
        given().auth().oauth2(Tokens.forClient("waymark-ingest", "waymark-ingest-secret")).contentType(ContentType.JSON)
                .body(Map.of("email", "ingest-" + UUID.randomUUID() + "@example.com"))
                .post("/api/customers")
                .then().statusCode(201);
    }

    @Test
    void theGatewayServesOneOpenApiForAllServices() {
        given().get("/openapi").then().statusCode(200)
                .body("paths", hasKey("/api/customers"))
                .body("paths", hasKey("/api/customers/{id}"))
                .body("paths", hasKey("/api/analytics/stages"))
                .body("x-waymark-unavailable.size()", equalTo(0));
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void aMergePatchWithIfMatchTravelsThroughTheGateway() {
        String token = Tokens.forRole("agent");
        String id = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("email", "patch-" + UUID.randomUUID() + "@example.com")).post("/api/customers")
                .then().statusCode(201).header("ETag", "\"1\"").extract().path("id");
        given().auth().oauth2(token).contentType("application/merge-patch+json").header("If-Match", "\"1\"")
                .body("{\"traits\": {\"plan\": \"pro\"}}").patch("/api/customers/" + id)
                .then().statusCode(200).header("ETag", "\"2\"").body("traits.plan", equalTo("pro"));
        given().auth().oauth2(token).contentType("application/merge-patch+json").header("If-Match", "\"1\"")
                .body("{\"traits\": {\"plan\": \"free\"}}").patch("/api/customers/" + id)
                .then().statusCode(412).contentType("application/problem+json")
                .body("instance", equalTo("/api/customers/" + id));
    }
}
