package io.waymark.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.restassured.http.ContentType;
import io.waymark.testing.Tokens;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * An interaction named by a CRM id goes through the gateway to journey-service, which resolves the customer at
 * customer-service (identify creates it), publishes it, stores it for the timeline, and customer-service marks
 * the customer seen.
 */
class InteractionsEndToEndTest extends ThroughTheGateway {

    @Test
    void anInteractionByExternalIdReachesTheTimelineAndTheCustomersLastSeen() {
        String crmId = "C-" + UUID.randomUUID();
        OffsetDateTime at = OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(5).withNano(0);
        Map<String, Object> item = Map.of("id", UUID.randomUUID().toString(),
                "externalId", Map.of("system", "crm", "id", crmId), "type", "support_call", "channel", "phone",
                "occurredAt", at.toString(), "properties", Map.of("minutes", 12));
        given().auth().oauth2(Tokens.forRole("ingest")).contentType(ContentType.JSON).body(List.of(item))
                .post("/api/interactions").then().statusCode(202).body("accepted", equalTo(1));

        String customer = given().auth().oauth2(Tokens.forRole("agent")).contentType(ContentType.JSON)
                .body(Map.of("externalIds", Map.of("crm", crmId))).post("/api/customers/identify")
                .then().statusCode(200).extract().path("id");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                given().auth().oauth2(Tokens.forRole("agent")).get("/api/customers/" + customer + "/timeline")
                        .then().statusCode(200).body("items[0].id", equalTo(item.get("id")))
                        .body("items[0].channel", equalTo("phone")).body("items[0].properties.minutes", equalTo(12)));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                given().auth().oauth2(Tokens.forRole("agent")).get("/api/customers/" + customer)
                        .then().statusCode(200).body("lastSeenAt", notNullValue()));
        // the timeline is journey-service's, behind the customers prefix: roles are the route's own
        given().auth().oauth2(Tokens.forRole("ingest")).get("/api/customers/" + customer + "/timeline")
                .then().statusCode(403);
    }
}
