package io.waymark.feedback.api;

import static io.restassured.RestAssured.given;
import static io.waymark.feedback.FeedbackFixtures.activeSurvey;
import static io.waymark.feedback.FeedbackFixtures.published;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
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
import io.waymark.testing.KafkaTopics;
import io.waymark.testing.Tokens;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * A system may say when an answer was given (an import, a replayed history): it is recorded and published as of
 * then; its case, if any, opens now; answers through invitation links are always now (docs/decisions/015).
 */
@QuarkusTest
@WithTestResource(DevstackTestResource.class)
class RespondedAtTest {

    private static ValidatableResponse respond(String survey, UUID customer, int score, Object respondedAt) {
        Map<String, Object> body = new HashMap<>();
        body.put("id", UUID.randomUUID().toString());
        body.put("customerId", customer.toString());
        body.put("score", score);
        body.put("respondedAt", respondedAt);
        return given().auth().oauth2(Tokens.forRole("ingest")).contentType(ContentType.JSON).body(body)
                .post("/surveys/" + survey + "/responses").then();
    }

    private static OffsetDateTime time(String text) {
        return OffsetDateTime.parse(text);
    }

    @Test
    void anAnswerGivenFortyDaysAgoIsRecordedAndPublishedAsOfThenAndItsCaseOpensNow() throws Exception {
        OffsetDateTime started = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        UUID journey = UUID.randomUUID();
        published(journey, 1, "sales");
        String survey = activeSurvey("NPS", "support", journey, "checkout");
        UUID customer = UUID.randomUUID();
        OffsetDateTime answered = started.minusDays(40);

        var recorded = respond(survey, customer, 2, answered.toString()).statusCode(201)
                .body("caseId", notNullValue()).extract();
        assertEquals(answered.toInstant(), time(recorded.path("recordedAt")).toInstant());
        String responseId = recorded.path("id");

        ConsumerRecord<String, String> event = KafkaTopics.first(FeedbackFixtures.FEEDBACK_EVENTS,
                r -> r.value().contains(responseId) && r.value().contains("response-recorded"));
        JsonNode data = new ObjectMapper().readTree(event.value()).path("data");
        assertEquals(answered.toInstant(), time(data.path("recordedAt").asText()).toInstant());

        // the SLA runs from when feedback-service learned of the answer: not due (nor overdue) 40 days ago
        var opened = given().auth().oauth2(Tokens.forUser("demo-agent-sales")).get("/cases/" + recorded.path("caseId"))
                .then().statusCode(200).extract();
        assertFalse(time(opened.path("openedAt")).isBefore(started), "opened now: " + opened.path("openedAt"));
        assertTrue(time(opened.path("dueAt")).isAfter(started.plusHours(47)), "due from now: " + opened.path("dueAt"));

        // the survey's scores count it on its day
        String day = answered.toLocalDate().toString();
        given().auth().oauth2(Tokens.forRole("analyst")).queryParam("from", day)
                .queryParam("to", answered.toLocalDate().plusDays(1).toString()).queryParam("interval", "day")
                .get("/surveys/" + survey + "/summary").then().statusCode(200)
                .body("overall.responses", org.hamcrest.Matchers.equalTo(1));
    }

    @Test
    void aRespondedAtInTheFutureBefore1970OrNotATimeIs400() {
        String survey = activeSurvey("CSAT", "support", null, null);
        UUID customer = UUID.randomUUID();
        for (String bad : new String[] {OffsetDateTime.now(ZoneOffset.UTC).plusDays(1).toString(), "1969-07-20T20:17:00Z"}) {
            respond(survey, customer, 4, bad).statusCode(400).contentType("application/problem+json")
                    .body("violations.field", hasItem("respondedAt"));
        }
        respond(survey, customer, 4, "yesterday").statusCode(400).contentType("application/problem+json");
        assertEquals(0, FeedbackFixtures.rows("select count(*) from survey_response where customer_id = ?", customer));
    }

    @Test
    void anAnswerThroughAnInvitationLinkIsAlwaysNow() {
        UUID customer = UUID.randomUUID();
        FeedbackFixtures.consentGranted(customer);
        String survey = activeSurvey("CSAT", "support", null, null);
        String token = given().auth().oauth2(Tokens.forRole("agent")).contentType(ContentType.JSON)
                .body(Map.of("customerId", customer.toString())).post("/surveys/" + survey + "/invitations")
                .then().statusCode(201).extract().path("token");
        // the customer cannot backdate their own answer: the link's body has no such field
        given().contentType(ContentType.JSON).body(Map.of("score", 5, "respondedAt", "2026-01-01T00:00:00Z"))
                .post("/public/invitations/" + token + "/response").then().statusCode(400)
                .contentType("application/problem+json");
        OffsetDateTime before = OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(1);
        String recordedAt = given().contentType(ContentType.JSON).body(Map.of("score", 5))
                .post("/public/invitations/" + token + "/response").then().statusCode(201).extract().path("recordedAt");
        assertFalse(time(recordedAt).isBefore(before), recordedAt);
    }
}
