package io.waymark.customer.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.waymark.testing.DevstackTestResource;
import io.waymark.testing.Tokens;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Rules as data: who may read and write them, how a bad one is refused, and what /test explains. */
@QuarkusTest
@WithTestResource(DevstackTestResource.class)
class LifecycleRuleResourceTest {

    private static Map<String, Object> rule(String name, String condition) {
        return Map.of("name", name, "trigger", "interaction", "interactionType", "upgrade", "condition", condition,
                "fromStages", List.of("RETENTION"), "toStage", "ADVOCACY", "priority", 50);
    }

    @Test
    void adminsWriteAnalystsReadOthersAreRefused() {
        String name = "Upgraders " + UUID.randomUUID();
        given().auth().oauth2(Tokens.forRole("analyst")).contentType(ContentType.JSON)
                .body(rule(name, "event.properties.plan = \"pro\"")).post("/lifecycle-rules").then().statusCode(403);
        String id = given().auth().oauth2(Tokens.forRole("admin")).contentType(ContentType.JSON)
                .body(rule(name, "event.properties.plan = \"pro\"")).post("/lifecycle-rules")
                .then().statusCode(201).header("ETag", "\"1\"").body("toStage", equalTo("ADVOCACY")).extract().path("id");
        given().auth().oauth2(Tokens.forRole("analyst")).get("/lifecycle-rules/" + id).then().statusCode(200)
                .body("name", equalTo(name));
        given().auth().oauth2(Tokens.forRole("analyst")).get("/lifecycle-rules?limit=200").then().statusCode(200)
                .body("items.name", hasItem("First purchase"));
        given().auth().oauth2(Tokens.forRole("agent")).get("/lifecycle-rules").then().statusCode(403);
        given().auth().oauth2(Tokens.forRole("admin")).contentType(ContentType.JSON).header("If-Match", "\"7\"")
                .body(rule(name, "event.properties.plan = \"pro\"")).put("/lifecycle-rules/" + id).then().statusCode(412);
        given().auth().oauth2(Tokens.forRole("admin")).contentType(ContentType.JSON)
                .body(rule(name, "event.properties.plan = \"pro\"")).post("/lifecycle-rules").then().statusCode(409);
        given().auth().oauth2(Tokens.forRole("analyst")).delete("/lifecycle-rules/" + id).then().statusCode(403);
        given().auth().oauth2(Tokens.forRole("admin")).delete("/lifecycle-rules/" + id).then().statusCode(204);
        given().auth().oauth2(Tokens.forRole("admin")).get("/lifecycle-rules/" + id).then().statusCode(404);
    }

    @Test
    void aMalformedRuleIs400NamingEachField() {
        given().auth().oauth2(Tokens.forRole("admin")).contentType(ContentType.JSON)
                .body(Map.of("name", "Broken " + UUID.randomUUID(), "trigger", "sunrise", "condition", "event.score >=",
                        "toStage", "RETENTION"))
                .post("/lifecycle-rules").then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("trigger")).body("violations.field", hasItem("condition"))
                .body("violations.find { it.field == 'condition' }.message", containsString("position"));
    }

    @Test
    void testSaysWhatARuleWouldDoAndWhy() {
        Map<String, Object> promoterRule = Map.of("name", "Promoters", "trigger", "feedback-response",
                "condition", "event.score >= 9 and traits.plan = \"pro\"", "fromStages", List.of("RETENTION"),
                "toStage", "ADVOCACY");
        given().auth().oauth2(Tokens.forRole("analyst")).contentType(ContentType.JSON)
                .body(Map.of("rule", promoterRule, "event", Map.of("trigger", "feedback-response", "data", Map.of("score", 10)),
                        "customer", Map.of("stage", "RETENTION", "traits", Map.of("plan", "pro"))))
                .post("/lifecycle-rules/test").then().statusCode(200)
                .body("fires", equalTo(true)).body("to", equalTo("ADVOCACY"));
        given().auth().oauth2(Tokens.forRole("analyst")).contentType(ContentType.JSON)
                .body(Map.of("rule", promoterRule, "event", Map.of("trigger", "feedback-response", "data", Map.of("score", 6)),
                        "customer", Map.of("stage", "RETENTION", "traits", Map.of("plan", "pro"))))
                .post("/lifecycle-rules/test").then().statusCode(200)
                .body("fires", equalTo(false)).body("to", nullValue())
                .body("reasons", hasItem("the condition does not hold"));
        given().auth().oauth2(Tokens.forRole("analyst")).contentType(ContentType.JSON)
                .body(Map.of("ruleId", "01900000-0000-7000-8000-000000000002",
                        "event", Map.of("trigger", "interaction", "interactionType", "purchase"),
                        "customer", Map.of("stage", "ADVOCACY")))
                .post("/lifecycle-rules/test").then().statusCode(200).body("fires", equalTo(false))
                .body("reasons[0]", containsString("ADVOCACY"));
    }
}
