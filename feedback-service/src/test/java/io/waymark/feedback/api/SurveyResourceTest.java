package io.waymark.feedback.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.waymark.feedback.FeedbackFixtures;
import io.waymark.testing.DevstackTestResource;
import io.waymark.testing.Tokens;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Surveys: written as drafts, activated, closed; checked field by field; listed page by page. */
@QuarkusTest
@WithTestResource(DevstackTestResource.class)
class SurveyResourceTest {

    private static final String PROBLEM = "application/problem+json";

    private static String designer() {
        return Tokens.forRole("designer");
    }

    @Test
    void aSurveyIsADraftUntilActivatedThenItCannotChange() {
        UUID journey = UUID.randomUUID();
        Map<String, Object> body = FeedbackFixtures.surveyBody("NPS", "support", journey, "checkout");
        var created = given().auth().oauth2(designer()).contentType(ContentType.JSON).body(body).post("/surveys")
                .then().statusCode(201).header("Location", containsString("/surveys/")).header("ETag", "\"1\"")
                .body("status", equalTo("draft")).body("kind", equalTo("NPS")).body("scale.min", equalTo(0))
                .body("scale.max", equalTo(10)).body("target.touchpointKey", equalTo("checkout"))
                .body("target.journeyId", equalTo(journey.toString())).body("createdBy", equalTo("demo-designer"))
                .extract();
        String id = created.path("id");

        Map<String, Object> changed = new HashMap<>(body);
        changed.put("name", "Checkout NPS");
        given().auth().oauth2(designer()).header("If-Match", "\"7\"").contentType(ContentType.JSON).body(changed)
                .put("/surveys/" + id).then().statusCode(412).contentType(PROBLEM);
        given().auth().oauth2(designer()).header("If-Match", "\"1\"").contentType(ContentType.JSON).body(changed)
                .put("/surveys/" + id).then().statusCode(200).header("ETag", "\"2\"").body("name", equalTo("Checkout NPS"));

        // its status is part of what the ETag stands for
        given().auth().oauth2(designer()).post("/surveys/" + id + "/activate").then().statusCode(200)
                .header("ETag", "\"3\"").body("status", equalTo("active")).body("activatedAt", notNullValue());
        given().auth().oauth2(designer()).post("/surveys/" + id + "/activate").then().statusCode(409).contentType(PROBLEM);
        given().auth().oauth2(designer()).contentType(ContentType.JSON).body(changed).put("/surveys/" + id)
                .then().statusCode(409).body("detail", containsString("active"));
        given().auth().oauth2(Tokens.forRole("analyst")).get("/surveys/" + id).then().statusCode(200)
                .header("ETag", "\"3\"").body("name", equalTo("Checkout NPS"));

        given().auth().oauth2(designer()).post("/surveys/" + id + "/close").then().statusCode(200)
                .header("ETag", "\"4\"").body("status", equalTo("closed"));
        FeedbackFixtures.respond(id, UUID.randomUUID(), UUID.randomUUID(), 9, null).statusCode(409)
                .body("detail", containsString("closed"));
        given().auth().oauth2(designer()).get("/surveys/" + UUID.randomUUID()).then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void aCustomSurveyHasQuestionsOfFourTypes() {
        Map<String, Object> body = Map.of("name", "Onboarding check", "kind", "CUSTOM", "question", "Tell us about your start",
                "owningTeam", "onboarding", "questions", List.of(
                        Map.of("key", "ease", "text", "How easy was setup?", "type", "rating", "min", 1, "max", 5, "required", true),
                        Map.of("key", "where", "text", "Where did you start?", "type", "single_choice", "options", List.of("web", "app")),
                        Map.of("key", "liked", "text", "What helped?", "type", "multiple_choice", "options", List.of("docs", "video", "chat")),
                        Map.of("key", "why", "text", "Anything else?", "type", "text")));
        String id = given().auth().oauth2(designer()).contentType(ContentType.JSON).body(body).post("/surveys")
                .then().statusCode(201).body("questions", hasSize(4)).body("scale", equalTo(null))
                .extract().path("id");
        given().auth().oauth2(designer()).post("/surveys/" + id + "/activate").then().statusCode(200);
        Map<String, Object> answer = Map.of("id", UUID.randomUUID().toString(), "customerId", UUID.randomUUID().toString(),
                "answers", List.of(Map.of("question", "ease", "value", 2), Map.of("question", "where", "value", "kiosk"),
                        Map.of("question", "liked", "value", List.of("docs", "chat"))));
        given().auth().oauth2(Tokens.forRole("ingest")).contentType(ContentType.JSON).body(answer)
                .post("/surveys/" + id + "/responses").then().statusCode(400).contentType(PROBLEM)
                .body("violations.field", equalTo(List.of("answers[1].value")))
                .body("violations[0].message", containsString("question 'where'"));
        Map<String, Object> fixed = new HashMap<>(answer);
        fixed.put("answers", List.of(Map.of("question", "ease", "value", 2), Map.of("question", "where", "value", "app"),
                Map.of("question", "liked", "value", List.of("docs", "chat")), Map.of("question", "why", "value", "fine")));
        given().auth().oauth2(Tokens.forRole("ingest")).contentType(ContentType.JSON).body(fixed)
                .post("/surveys/" + id + "/responses").then().statusCode(201).body("score", equalTo(2))
                .body("normalizedScore", equalTo(0.25f)).body("answers", hasSize(4));
    }

    @Test
    void everyProblemOfADefinitionIsNamed() {
        Map<String, Object> body = Map.of("name", "", "kind", "STARS", "question", "q", "owningTeam", "Support Team",
                "target", Map.of("touchpointKey", "Check Out"));
        given().auth().oauth2(designer()).contentType(ContentType.JSON).body(body).post("/surveys").then()
                .statusCode(400).contentType(PROBLEM)
                .body("violations.field", hasItems("name", "kind", "owningTeam", "target.touchpointKey", "target.journeyId"));
        Map<String, Object> custom = Map.of("name", "n", "kind", "CUSTOM", "question", "q", "owningTeam", "support",
                "questions", List.of(Map.of("key", "a", "text", "t", "type", "rating", "min", 5, "max", 1),
                        Map.of("key", "a", "text", "t", "type", "single_choice", "options", List.of("only"))));
        given().auth().oauth2(designer()).contentType(ContentType.JSON).body(custom).post("/surveys").then()
                .statusCode(400).body("violations.field", hasItems("questions[0].max", "questions[1].key", "questions[1].options"));
        given().auth().oauth2(designer()).contentType(ContentType.JSON).body("{\"name\":\"n\",\"status\":\"active\"}")
                .post("/surveys").then().statusCode(400).body("violations.field", hasItem("status"));
        given().auth().oauth2(designer()).contentType(ContentType.JSON).body("{\"name\":").post("/surveys").then()
                .statusCode(400).contentType(PROBLEM);
        given().auth().oauth2(designer()).contentType(ContentType.JSON).post("/surveys").then().statusCode(400);
    }

    @Test
    void scoresAreReadAsWritten() {
        String survey = FeedbackFixtures.activeSurvey("NPS", "support", null, null);
        for (String score : List.of("7.5", "\"7\"", "true")) {
            given().auth().oauth2(Tokens.forRole("ingest")).contentType(ContentType.JSON)
                    .body("{\"id\":\"" + UUID.randomUUID() + "\",\"customerId\":\"" + UUID.randomUUID() + "\",\"score\":" + score + "}")
                    .post("/surveys/" + survey + "/responses").then().statusCode(400).contentType(PROBLEM)
                    .body("violations.field", hasItem("score"));
        }
        FeedbackFixtures.respond(survey, UUID.randomUUID(), UUID.randomUUID(), 11, null).statusCode(400)
                .body("violations.field", equalTo(List.of("score")));
        given().auth().oauth2(Tokens.forRole("ingest")).contentType(ContentType.JSON).body(Map.of("score", 5))
                .post("/surveys/" + survey + "/responses").then().statusCode(400)
                .body("violations.field", hasItems("id", "customerId"));
        UUID reused = UUID.randomUUID();
        FeedbackFixtures.respond(survey, reused, UUID.randomUUID(), 9, null).statusCode(201);
        FeedbackFixtures.respond(FeedbackFixtures.activeSurvey("NPS", "support", null, null), reused, UUID.randomUUID(), 9, null)
                .statusCode(409).body("detail", containsString("another survey"));
    }

    @Test
    void surveysAreListedPageByPageWithFilters() {
        String team = "team-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(given().auth().oauth2(designer()).contentType(ContentType.JSON)
                    .body(FeedbackFixtures.surveyBody(i % 2 == 0 ? "CSAT" : "CES", team, null, null)).post("/surveys")
                    .then().statusCode(201).extract().path("id"));
        }
        var first = given().auth().oauth2(Tokens.forRole("agent")).queryParam("team", team).queryParam("limit", 2)
                .get("/surveys").then().statusCode(200).body("items", hasSize(2)).extract();
        assertEquals(ids.subList(0, 2), first.path("items.id"));
        var second = given().auth().oauth2(Tokens.forRole("agent")).queryParam("team", team).queryParam("limit", 2)
                .queryParam("cursor", (String) first.path("next")).get("/surveys").then().statusCode(200).extract();
        assertEquals(ids.subList(2, 4), second.path("items.id"));
        List<String> csat = given().auth().oauth2(Tokens.forRole("agent")).queryParam("team", team)
                .queryParam("kind", "CSAT").queryParam("status", "draft").get("/surveys").then().statusCode(200)
                .extract().path("items.id");
        assertEquals(List.of(ids.get(0), ids.get(2), ids.get(4)), csat);
        given().auth().oauth2(Tokens.forRole("agent")).queryParam("kind", "STARS")
                .get("/surveys").then().statusCode(400).body("violations.field", hasItem("kind"));
        given().auth().oauth2(Tokens.forRole("agent")).queryParam("cursor", "nonsense").get("/surveys").then()
                .statusCode(400).body("violations.field", hasItem("cursor"));
        assertTrue(FeedbackFixtures.allIds(Tokens.forRole("agent"), "/surveys", Map.of("team", team)).containsAll(ids));
    }
}
