package io.waymark.feedback.api;

import static io.restassured.RestAssured.given;
import static io.waymark.feedback.FeedbackFixtures.activeSurvey;
import static io.waymark.feedback.FeedbackFixtures.published;
import static io.waymark.feedback.FeedbackFixtures.respond;
import static io.waymark.feedback.FeedbackFixtures.rows;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.waymark.feedback.FeedbackFixtures;
import io.waymark.testing.DevstackTestResource;
import io.waymark.testing.EventFixtures;
import io.waymark.testing.KafkaTopics;
import io.waymark.testing.Tokens;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * The closed loop against the real servers: an unhappy answer opens exactly one case for the team that owns
 * the touchpoint, whatever retries and races; only that team's agents (and admins) see it; its events have
 * the golden fixtures' shape.
 */
@QuarkusTest
@WithTestResource(DevstackTestResource.class)
class ClosedLoopTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aDetractorAnswerSentTwiceByItsClientOpensOneCaseForTheTouchpointOwnersTeam() throws Exception {
        UUID journey = UUID.randomUUID();
        published(journey, 2, "sales");
        String survey = activeSurvey("NPS", "support", journey, "checkout");
        UUID customer = UUID.randomUUID();
        FeedbackFixtures.stage(customer, "PURCHASE", 2);
        UUID responseId = UUID.randomUUID();

        String caseId = respond(survey, responseId, customer, 3, "The checkout kept failing, terrible.")
                .statusCode(201).body("id", equalTo(responseId.toString())).body("score", equalTo(3))
                .body("sentimentLabel", equalTo("negative")).body("caseId", notNullValue())
                .extract().path("caseId");
        // the same answer again (a client's retry): the original, nothing new
        respond(survey, responseId, customer, 3, "The checkout kept failing, terrible.")
                .statusCode(200).body("id", equalTo(responseId.toString())).body("caseId", equalTo(caseId));
        assertEquals(1, rows("select count(*) from feedback_case where response_id = ?", responseId));
        assertEquals(1, rows("select count(*) from survey_response where id = ?", responseId));

        given().auth().oauth2(Tokens.forUser("demo-agent-sales")).get("/cases/" + caseId).then().statusCode(200)
                .body("team", equalTo("sales")).body("status", equalTo("open")).body("priority", equalTo("high"))
                .body("reasons", equalTo(List.of("detractor", "negative-comment")))
                .body("responseId", equalTo(responseId.toString())).body("customerId", equalTo(customer.toString()))
                .body("touchpointKey", equalTo("checkout")).body("response.score", equalTo(3))
                .body("history[0].actor", equalTo("feedback-service")).body("history[0].statusTo", equalTo("open"));
        assertTrue(FeedbackFixtures.allIds(Tokens.forUser("demo-agent-sales"), "/cases",
                Map.of("team", "sales", "status", "open")).contains(caseId));

        // an agent of another team: the case does not exist for them, and their lists leave it out
        given().auth().oauth2(Tokens.forRole("agent")).get("/cases/" + caseId).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(Tokens.forRole("agent")).contentType(ContentType.JSON).body(Map.of("status", "in_progress"))
                .patch("/cases/" + caseId).then().statusCode(404);
        assertEquals(List.of(), FeedbackFixtures.allIds(Tokens.forRole("agent"), "/cases", Map.of("team", "sales")));
        assertFalse(FeedbackFixtures.allIds(Tokens.forRole("agent"), "/cases", Map.of()).contains(caseId));
        assertTrue(FeedbackFixtures.allIds(Tokens.forRole("admin"), "/cases", Map.of("team", "sales")).contains(caseId));
        given().auth().oauth2(Tokens.forRole("admin")).get("/cases/" + caseId).then().statusCode(200);

        ConsumerRecord<String, String> opened = KafkaTopics.first(FeedbackFixtures.FEEDBACK_EVENTS,
                r -> r.value().contains(caseId) && r.value().contains("case-opened"));
        EventFixtures.assertSameShape("feedback.case-opened.v1", opened.value());
        assertEquals(customer.toString(), opened.key());
        JsonNode data = JSON.readTree(opened.value()).get("data");
        assertEquals("sales", data.get("team").asText());
        assertEquals(journey.toString(), data.get("journeyId").asText());
        ConsumerRecord<String, String> recorded = KafkaTopics.first(FeedbackFixtures.FEEDBACK_EVENTS,
                r -> r.value().contains(responseId.toString()) && r.value().contains("response-recorded"));
        EventFixtures.assertSameShape("feedback.response-recorded.v1", recorded.value());
        JsonNode answer = JSON.readTree(recorded.value()).get("data");
        assertEquals(0.3, answer.get("normalizedScore").asDouble(), 1e-9);
        assertEquals("negative", answer.get("sentimentLabel").asText());
        assertEquals(false, recorded.value().contains("checkout kept failing"), "no comment text in events");
    }

    @Test
    void racingRetriesOfOneAnswerRecordItOnceAndOpenOneCase() {
        String survey = activeSurvey("CSAT", "support", null, null);
        UUID customer = UUID.randomUUID();
        UUID responseId = UUID.randomUUID();
        List<CompletableFuture<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            calls.add(CompletableFuture.supplyAsync(() -> respond(survey, responseId, customer, 1, null)
                    .extract().statusCode()));
        }
        List<Integer> statuses = calls.stream().map(CompletableFuture::join).sorted().toList();
        assertEquals(List.of(200, 200, 200, 200, 200, 201), statuses);
        assertEquals(1, rows("select count(*) from feedback_case where response_id = ?", responseId));
    }

    @Test
    void withoutAnOwnedTouchpointTheSurveysTeamGetsTheCaseAndAHappyAnswerOpensNone() {
        String survey = activeSurvey("CES", "onboarding", UUID.randomUUID(), "unknown-touchpoint");
        String caseId = respond(survey, UUID.randomUUID(), UUID.randomUUID(), 5, null).statusCode(201)
                .extract().path("caseId");
        given().auth().oauth2(Tokens.forRole("admin")).get("/cases/" + caseId).then().statusCode(200)
                .body("team", equalTo("onboarding")).body("priority", equalTo("normal"))
                .body("reasons", equalTo(List.of("high-effort")));
        respond(survey, UUID.randomUUID(), UUID.randomUUID(), 2, "Easy and quick, great.").statusCode(201)
                .body("caseId", nullValue()).body("sentimentLabel", equalTo("positive"));
    }

    @Test
    void aLoyalCustomersMildComplaintIsHighPriorityWithTheShorterSla() {
        UUID customer = UUID.randomUUID();
        FeedbackFixtures.stage(customer, "RETENTION", 5);
        String survey = activeSurvey("NPS", "support", null, null);
        String caseId = respond(survey, UUID.randomUUID(), customer, 6, null).statusCode(201)
                .body("lifecycleStage", equalTo("RETENTION")).extract().path("caseId");
        Map<String, Object> c = given().auth().oauth2(Tokens.forRole("agent")).get("/cases/" + caseId).then()
                .statusCode(200).body("priority", equalTo("high")).body("lifecycleStage", equalTo("RETENTION"))
                .extract().path("");
        Duration sla = Duration.between(OffsetDateTime.parse((String) c.get("openedAt")), OffsetDateTime.parse((String) c.get("dueAt")));
        assertEquals(Duration.ofHours(48), sla);

        String normal = respond(survey, UUID.randomUUID(), UUID.randomUUID(), 6, null).statusCode(201).extract().path("caseId");
        Map<String, Object> n = given().auth().oauth2(Tokens.forRole("agent")).get("/cases/" + normal).then()
                .statusCode(200).body("priority", equalTo("normal")).extract().path("");
        assertEquals(Duration.ofDays(5), Duration.between(OffsetDateTime.parse((String) n.get("openedAt")),
                OffsetDateTime.parse((String) n.get("dueAt"))));
    }
}
