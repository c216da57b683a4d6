package io.waymark.customer.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.waymark.testing.DevstackTestResource;
import io.waymark.testing.Tokens;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The GDPR export with the other services away (no other app runs in this test): customer-service's part is
 * whole, and each missing service is named instead of failing the export. The end-to-end suite covers the
 * answering services.
 */
@QuarkusTest
@WithTestResource(DevstackTestResource.class)
class ExportTest {

    @Test
    void anExportHoldsThisServicesDataAndNamesServicesThatDidNotAnswer() {
        String agent = Tokens.forRole("agent");
        String email = "export-" + UUID.randomUUID() + "@example.com";
        String anonymous = "anon-" + UUID.randomUUID();
        String id = given().auth().oauth2(Tokens.forRole("ingest")).contentType(ContentType.JSON)
                .body(Map.of("email", email, "anonymousId", anonymous, "traits", Map.of("plan", "pro")))
                .post("/customers/identify").then().statusCode(201).extract().path("id");
        given().auth().oauth2(agent).contentType(ContentType.JSON).body(Map.of("granted", true, "source", "signup"))
                .put("/customers/" + id + "/consents/surveys").then().statusCode(200);
        given().auth().oauth2(agent).contentType(ContentType.JSON).body(Map.of("to", "CONSIDERATION"))
                .post("/customers/" + id + "/stage-transitions").then().statusCode(201);

        given().auth().oauth2(Tokens.forRole("analyst")).get("/customers/" + id + "/export").then().statusCode(403);
        given().auth().oauth2(agent).get("/customers/" + id + "/export").then().statusCode(200)
                .body("customerId", equalTo(id))
                .body("customerService.customer.email", equalTo(email))
                .body("customerService.customer.traits.plan", equalTo("pro"))
                .body("customerService.anonymousIds", equalTo(java.util.List.of(anonymous)))
                .body("customerService.stageHistory", hasSize(1))
                .body("customerService.consentHistory[0].purpose", equalTo("surveys"))
                .body("unavailable.service", containsInAnyOrder("analytics-service", "feedback-service", "journey-service"))
                .body("unavailable[0].reason", equalTo("unreachable"));
        given().auth().oauth2(agent).get("/customers/" + UUID.randomUUID() + "/export").then().statusCode(404);
    }

    @Test
    void thePrivacyEndpointIsForServicesOnly() {
        given().auth().oauth2(Tokens.forRole("admin")).get("/privacy/customers/" + UUID.randomUUID()).then().statusCode(403);
    }
}
