package io.waymark.customer.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.waymark.testing.DevstackTestResource;
import io.waymark.testing.TestDatabase;
import io.waymark.testing.Tokens;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A database that is away is the service's trouble, said as 503 with Retry-After, never a 500. */
@QuarkusTest
@WithTestResource(DevstackTestResource.class)
class DatabaseOutageTest {

    @Test
    void aDatabaseOutageIs503WithRetryAfter() throws Exception {
        String token = Tokens.forRole("agent");
        given().auth().oauth2(token).get("/customers").then().statusCode(200);
        TestDatabase.cutOff("customer");
        try {
            given().auth().oauth2(token).get("/customers/" + UUID.randomUUID()).then().log().ifValidationFails().statusCode(503)
                    .contentType("application/problem+json").header("Retry-After", "5").body("status", equalTo(503));
            given().auth().oauth2(token).contentType(ContentType.JSON)
                    .body(Map.of("email", "outage-" + UUID.randomUUID() + "@example.com")).post("/customers")
                    .then().statusCode(503).contentType("application/problem+json");
        } finally {
            TestDatabase.restore("customer");
        }
        given().auth().oauth2(token).get("/customers").then().statusCode(200);
    }
}
