package io.waymark.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import io.restassured.http.ContentType;
import io.waymark.testing.Tokens;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Customer lifecycle through the gateway: identify, segments, merge redirects and the cross-service export. */
class CustomerLifecycleEndToEndTest extends ThroughTheGateway {

    @Test
    void identifiedCustomersAreFoundBySegmentsAndExportedFromEveryService() {
        String batch = UUID.randomUUID().toString();
        String id = given().auth().oauth2(Tokens.forRole("ingest")).contentType(ContentType.JSON)
                .body(Map.of("email", "e2e-id-" + batch + "@example.com", "traits", Map.of("batch", batch)))
                .post("/api/customers/identify").then().statusCode(201)
                .header("Location", matchesPattern("http://[^/]+/api/customers/[0-9a-f-]{36}")).extract().path("id");
        given().auth().oauth2(Tokens.forRole("analyst")).contentType(ContentType.JSON)
                .body(Map.of("filter", "traits.batch = \"" + batch + "\" and stage = \"AWARENESS\""))
                .post("/api/segments/preview").then().statusCode(200).body("count", equalTo(1))
                .body("sample[0].id", equalTo(id));

        // analytics-service holds the customer's stage once customer.created reached it; then the export has its part
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                given().auth().oauth2(Tokens.forRole("admin")).get("/api/customers/" + id + "/export")
                        .then().statusCode(200)
                        .body("customerService.customer.id", equalTo(id))
                        .body("otherServices.analytics-service.lifecycleStage.stage", equalTo("AWARENESS"))
                        .body("otherServices.journey-service", equalTo(Map.of()))
                        .body("unavailable", empty()));
    }

    @Test
    void aMergedAwayCustomerRedirectsToTheSurvivorThroughTheGateway() {
        String admin = Tokens.forRole("admin");
        String survivor = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("email", "e2e-keep-" + UUID.randomUUID() + "@example.com")).post("/api/customers")
                .then().statusCode(201).extract().path("id");
        String other = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("email", "e2e-gone-" + UUID.randomUUID() + "@example.com")).post("/api/customers")
                .then().statusCode(201).extract().path("id");
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("customerId", other))
                .post("/api/customers/" + survivor + "/merge").then().statusCode(200);
        given().auth().oauth2(admin).redirects().follow(false).get("/api/customers/" + other)
                .then().statusCode(301).header("Location", equalTo("/api/customers/" + survivor));
    }
}
