package io.waymark.customer.messaging;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.waymark.testing.DevstackTestResource;
import io.waymark.testing.Tokens;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A trait-change rule fires on this service's own customer.updated, after the change committed. */
@QuarkusTest
@WithTestResource(DevstackTestResource.class)
class TraitChangeRuleTest {

    @Test
    void aRuleOnATraitChangeMovesTheCustomer() {
        String admin = Tokens.forRole("admin");
        String plan = "enterprise-" + UUID.randomUUID().toString().substring(0, 8);
        String rule = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("name", "Enterprise deals " + plan, "trigger", "trait-change",
                        "condition", "event.changed contains \"traits.plan\" and traits.plan = \"" + plan + "\"",
                        "fromStages", List.of("CONSIDERATION"), "toStage", "PURCHASE", "priority", 10))
                .post("/lifecycle-rules").then().statusCode(201).extract().path("id");
        try {
            String id = given().auth().oauth2(admin).contentType(ContentType.JSON)
                    .body(Map.of("email", "trait-" + UUID.randomUUID() + "@example.com", "stage", "CONSIDERATION"))
                    .post("/customers").then().statusCode(201).extract().path("id");
            given().auth().oauth2(admin).contentType("application/merge-patch+json")
                    .body(Map.of("traits", Map.of("plan", plan))).patch("/customers/" + id).then().statusCode(200);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(admin)
                    .get("/customers/" + id + "/stage-transitions").then().statusCode(200)
                    .body("items[0].to", equalTo("PURCHASE")).body("items[0].ruleId", equalTo(rule)));
        } finally {
            given().auth().oauth2(admin).delete("/lifecycle-rules/" + rule).then().statusCode(204);
        }
    }
}
