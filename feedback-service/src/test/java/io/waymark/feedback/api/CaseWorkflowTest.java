package io.waymark.feedback.api;

import static io.restassured.RestAssured.given;
import static io.waymark.feedback.FeedbackFixtures.activeSurvey;
import static io.waymark.feedback.FeedbackFixtures.respond;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
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
import io.restassured.response.ValidatableResponse;
import io.waymark.feedback.FeedbackFixtures;
import io.waymark.testing.DevstackTestResource;
import io.waymark.testing.EventFixtures;
import io.waymark.testing.KafkaTopics;
import io.waymark.testing.TestDatabase;
import io.waymark.testing.Tokens;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Working a case: its moves, history, recovery and events. */
@QuarkusTest
@WithTestResource(DevstackTestResource.class)
class CaseWorkflowTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static String openCase(String survey, UUID customer, int score) {
        return respond(survey, UUID.randomUUID(), customer, score, null).statusCode(201).extract().path("caseId");
    }

    private static ValidatableResponse patch(String user, String caseId, Map<String, Object> body) {
        return given().auth().oauth2(Tokens.forUser(user)).contentType(ContentType.JSON).body(body)
                .patch("/cases/" + caseId).then();
    }

    @Test
    void aCaseIsWorkedResolvedWithAFollowUpAndClosedWithItsRecovery() throws Exception {
        var checkout = FeedbackFixtures.checkoutSurvey("ONBOARDING", 4);
        String caseId = openCase(checkout.survey(), checkout.customer(), 2);

        patch("demo-agent", caseId, Map.of("status", "in_progress", "assignee", "demo-agent", "note", "calling the customer"))
                .statusCode(200).body("status", equalTo("in_progress")).body("assignee", equalTo("demo-agent"));
        patch("demo-agent", caseId, Map.of("status", "open")).statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("in_progress"));
        patch("demo-agent", caseId, Map.of("rootCause", "weather")).statusCode(400)
                .body("violations.field", hasItem("rootCause"));
        String token = patch("demo-agent", caseId, Map.of("status", "resolved", "rootCause", "delivery-delay",
                        "rootCauseText", "courier lost the parcel", "followUpInvitation", true))
                .statusCode(200).body("status", equalTo("resolved")).body("resolvedAt", notNullValue())
                .body("followUpInvitation.caseId", equalTo(caseId))
                .body("followUpInvitation.url", containsString("/api/public/invitations/"))
                .extract().path("followUpInvitation.token");

        // the customer answers "did we fix it?": that score is the case's score after
        given().contentType(ContentType.JSON).body(Map.of("score", 9)).post("/public/invitations/" + token + "/response")
                .then().statusCode(201);
        given().auth().oauth2(Tokens.forRole("agent")).get("/cases/" + caseId).then().statusCode(200)
                .body("recovery.scoreBefore", equalTo(2)).body("recovery.scoreAfter", equalTo(9))
                .body("recovery.followUpResponseId", notNullValue());

        String etag = given().auth().oauth2(Tokens.forRole("agent")).get("/cases/" + caseId).then().extract().header("ETag");
        given().auth().oauth2(Tokens.forRole("agent")).header("If-Match", "\"1\"").contentType(ContentType.JSON)
                .body(Map.of("status", "closed")).patch("/cases/" + caseId).then().statusCode(412);
        given().auth().oauth2(Tokens.forRole("agent")).header("If-Match", etag).contentType(ContentType.JSON)
                .body(Map.of("status", "closed")).patch("/cases/" + caseId).then().statusCode(200)
                .body("status", equalTo("closed"))
                .body("history.statusTo", equalTo(java.util.Arrays.asList("open", "in_progress", "resolved", null, "closed")))
                .body("history[3].actor", equalTo("feedback-service"))
                .body("history[3].note", containsString("answered again"))
                .body("history[1].actor", equalTo("demo-agent")).body("history[1].note", equalTo("calling the customer"))
                .body("history[1].assigneeTo", equalTo("demo-agent"))
                .body("history[2].rootCause", equalTo("delivery-delay"));

        ConsumerRecord<String, String> closed = KafkaTopics.first(FeedbackFixtures.FEEDBACK_EVENTS,
                r -> r.value().contains(caseId) && r.value().contains("case-closed"));
        EventFixtures.assertSameShape("feedback.case-closed.v1", closed.value());
        JsonNode event = JSON.readTree(closed.value());
        assertEquals(5, event.get("aggregateversion").asLong(), "opened, in progress, resolved, recovery, closed");
        assertEquals(9, event.get("data").get("recovery").get("scoreAfter").asInt());
        assertEquals("delivery-delay", event.get("data").get("rootCause").asText());

        // reopened: case-opened again with the next version, and worked on again
        patch("demo-agent", caseId, Map.of("status", "reopened")).statusCode(200).body("resolvedAt", nullValue())
                .body("recovery.scoreAfter", nullValue());
        ConsumerRecord<String, String> reopened = KafkaTopics.first(FeedbackFixtures.FEEDBACK_EVENTS,
                r -> r.value().contains(caseId) && r.value().contains("case-opened") && r.value().contains("\"aggregateversion\":6"));
        EventFixtures.assertSameShape("feedback.case-opened.v1", reopened.value());
        patch("demo-agent", caseId, Map.of("status", "in_progress")).statusCode(200);
    }

    @Test
    void aRecoveryLinkedAfterAnAgentsReadMakesTheirIfMatchStale() {
        UUID customer = UUID.randomUUID();
        FeedbackFixtures.consentGranted(customer);
        String caseId = openCase(activeSurvey("CSAT", "support", null, null), customer, 1);
        patch("demo-agent", caseId, Map.of("status", "in_progress")).statusCode(200);
        String token = patch("demo-agent", caseId, Map.of("status", "resolved", "followUpInvitation", true))
                .statusCode(200).extract().path("followUpInvitation.token");
        String read = given().auth().oauth2(Tokens.forRole("agent")).get("/cases/" + caseId).then().statusCode(200)
                .extract().header("ETag");

        given().contentType(ContentType.JSON).body(Map.of("score", 5)).post("/public/invitations/" + token + "/response")
                .then().statusCode(201);

        // the agent reopens on what they read: refused, so the recovery they never saw is not cleared unseen
        given().auth().oauth2(Tokens.forRole("agent")).header("If-Match", read).contentType(ContentType.JSON)
                .body(Map.of("status", "reopened")).patch("/cases/" + caseId).then().statusCode(412);
        var now = given().auth().oauth2(Tokens.forRole("agent")).get("/cases/" + caseId).then().statusCode(200)
                .body("recovery.scoreAfter", equalTo(5)).body("history[-1].actor", equalTo("feedback-service"))
                .body("history[-1].note", containsString("score after: 5")).extract();
        assertFalse(read.equals(now.header("ETag")), "the link is a change: " + read);
    }

    @Test
    void changesAreCheckedAndNamed() {
        String caseId = openCase(activeSurvey("CSAT", "support", null, null), UUID.randomUUID(), 1);
        patch("demo-agent", caseId, Map.of()).statusCode(400).body("violations.field", hasItem("(body)"));
        patch("demo-agent", caseId, Map.of("status", "done")).statusCode(400).body("violations.field", hasItem("status"));
        patch("demo-agent", caseId, Map.of("assignee", "demo-agent", "colour", "red")).statusCode(400)
                .body("violations.field", hasItem("colour"));
        patch("demo-agent", caseId, Map.of("status", "in_progress", "followUpInvitation", true)).statusCode(400)
                .body("violations.field", hasItem("followUpInvitation"));
        patch("demo-agent", caseId, Map.of("note", 42)).statusCode(400).body("violations.field", hasItem("note"));
        // a case is worked on before it is resolved
        patch("demo-agent", caseId, Map.of("status", "resolved")).statusCode(409)
                .body("detail", containsString("cannot become resolved"));
        patch("demo-agent", caseId, Map.of("status", "in_progress")).statusCode(200);
        // the customer never consented: resolving with a follow-up is refused, and nothing changes
        patch("demo-agent", caseId, Map.of("status", "resolved", "followUpInvitation", true)).statusCode(409)
                .body("detail", containsString("surveys"));
        given().auth().oauth2(Tokens.forRole("agent")).get("/cases/" + caseId).then().body("status", equalTo("in_progress"));
        patch("demo-agent", caseId, Map.of("assignee", "demo-agent")).statusCode(200).body("assignee", equalTo("demo-agent"));
        given().auth().oauth2(Tokens.forRole("agent")).contentType(ContentType.JSON).body("{\"assignee\": null}")
                .patch("/cases/" + caseId).then().statusCode(200).body("assignee", nullValue())
                .body("history[3].assigneeFrom", equalTo("demo-agent"));
        given().auth().oauth2(Tokens.forRole("agent")).get("/cases/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void overdueCasesAreThoseStillWaitingPastTheirDueTime() throws Exception {
        String survey = activeSurvey("NPS", "support", null, null);
        String late = openCase(survey, UUID.randomUUID(), 0);
        String onTime = openCase(survey, UUID.randomUUID(), 0);
        try (Connection c = TestDatabase.superuser(FeedbackFixtures.DATABASE);
             PreparedStatement st = c.prepareStatement("update feedback_case set due_at = now() - interval '1 hour' where id = ?")) {
            st.setObject(1, UUID.fromString(late));
            st.executeUpdate();
        }
        var overdue = FeedbackFixtures.allIds(Tokens.forRole("agent"), "/cases", Map.of("overdue", "true"));
        assertTrue(overdue.contains(late));
        assertFalse(overdue.contains(onTime));
        given().auth().oauth2(Tokens.forRole("agent")).get("/cases/" + late).then().body("overdue", equalTo(true));
        given().auth().oauth2(Tokens.forRole("agent")).get("/cases/" + onTime).then().body("overdue", equalTo(false));
        given().auth().oauth2(Tokens.forRole("agent")).queryParam("overdue", "maybe").get("/cases").then().statusCode(400)
                .body("violations.field", hasItem("overdue"));
    }
}
