package io.waymark.feedback.api;

import static io.restassured.RestAssured.given;
import static io.waymark.feedback.FeedbackFixtures.respond;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.waymark.feedback.FeedbackFixtures;
import io.waymark.testing.DevstackTestResource;
import io.waymark.testing.Tokens;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The GDPR export (GET /privacy/customers/{id}, customer-service's client only) holds all this service keeps of a person. */
@QuarkusTest
@WithTestResource(DevstackTestResource.class)
class PersonalDataExportTest {

    private static Map<String, Object> patch(String caseId, Map<String, Object> body) {
        return given().auth().oauth2(Tokens.forUser("demo-agent")).contentType(ContentType.JSON).body(body)
                .patch("/cases/" + caseId).then().statusCode(200).extract().path("");
    }

    @Test
    void theExportHoldsTheContextOfAnswersAndCasesTheirWorkAndRecovery() {
        var checkout = FeedbackFixtures.checkoutSurvey("RETENTION", 5);
        UUID customer = checkout.customer();
        UUID journey = checkout.journey();
        String caseId = respond(checkout.survey(), UUID.randomUUID(), customer, 2, "The courier left it in the rain.")
                .statusCode(201).extract().path("caseId");
        patch(caseId, Map.of("status", "in_progress", "assignee", "demo-agent", "rootCause", "delivery-delay"));
        String token = (String) ((Map<?, ?>) patch(caseId, Map.of("status", "resolved", "followUpInvitation", true))
                .get("followUpInvitation")).get("token");
        given().contentType(ContentType.JSON).body(Map.of("score", 9)).post("/public/invitations/" + token + "/response")
                .then().statusCode(201);

        JsonPath export = given().auth().oauth2(Tokens.forClient("customer-service", "customer-service-secret"))
                .get("/privacy/customers/" + customer).then().statusCode(200).extract().jsonPath();
        String bySystem = "parts.surveyResponses.find { it.invitationId == null }";
        String byLink = "parts.surveyResponses.find { it.invitationId != null }";
        assertEquals(2, export.getList("parts.surveyResponses").size());
        assertEquals("The courier left it in the rain.", export.getString(bySystem + ".comment"));
        assertEquals(journey.toString(), export.getString(bySystem + ".journeyId"));
        assertEquals("checkout", export.getString(bySystem + ".touchpointKey"));
        assertEquals("RETENTION", export.getString(bySystem + ".lifecycleStage"));
        assertEquals(9, export.getInt(byLink + ".score"));
        assertEquals(export.getString("parts.surveyInvitations[0].id"), export.getString(byLink + ".invitationId"));

        String kase = "parts.feedbackCases[0]";
        assertEquals(journey.toString(), export.getString(kase + ".journeyId"));
        assertEquals("checkout", export.getString(kase + ".touchpointKey"));
        assertEquals("RETENTION", export.getString(kase + ".lifecycleStage"));
        assertNotNull(export.getString(kase + ".dueAt"));
        assertEquals("demo-agent", export.getString(kase + ".assignee"));
        assertEquals(2, export.getInt(kase + ".recovery.scoreBefore"));
        assertEquals(9, export.getInt(kase + ".recovery.scoreAfter"));
        assertEquals(export.getString(byLink + ".id"), export.getString(kase + ".recovery.followUpResponseId"));
        assertEquals("demo-agent", export.getString(kase + ".history[1].assigneeTo"));
        assertEquals("delivery-delay", export.getString(kase + ".history[1].rootCause"));
    }
}
