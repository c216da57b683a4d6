package io.waymark.feedback.messaging;

import static io.restassured.RestAssured.given;
import static io.waymark.feedback.FeedbackFixtures.activeSurvey;
import static io.waymark.feedback.FeedbackFixtures.respond;
import static io.waymark.feedback.FeedbackFixtures.rows;
import static org.hamcrest.Matchers.anEmptyMap;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.waymark.feedback.FeedbackFixtures;
import io.waymark.testing.DevstackTestResource;
import io.waymark.testing.Tokens;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What customer.events and journey.maps change here: erasure removes comments and links but keeps the numbers,
 * a merge moves everything to the survivor, a newer map version re-routes cases and an older one does not.
 */
@QuarkusTest
@WithTestResource(DevstackTestResource.class)
class CustomerFactsTest {

    private static String privacyToken() {
        return Tokens.forClient("customer-service", "customer-service-secret");
    }

    @Test
    void erasureRemovesCommentsAndLinksAndKeepsTheNumbers() {
        UUID customer = UUID.randomUUID();
        FeedbackFixtures.consentGranted(customer);
        String survey = activeSurvey("NPS", "support", null, null);
        UUID responseId = UUID.randomUUID();
        String caseId = respond(survey, responseId, customer, 1, "My name is Ada Lovelace and the parcel never came. Awful.")
                .statusCode(201).extract().path("caseId");
        given().auth().oauth2(Tokens.forRole("agent")).contentType(ContentType.JSON)
                .body(Map.of("note", "Ada called, she lives at 12 Analytical Lane", "rootCauseText", "Ada's parcel"))
                .patch("/cases/" + caseId).then().statusCode(200);
        given().auth().oauth2(Tokens.forRole("agent")).contentType(ContentType.JSON)
                .body(Map.of("customerId", customer.toString())).post("/surveys/" + survey + "/invitations")
                .then().statusCode(201);
        given().auth().oauth2(privacyToken()).get("/privacy/customers/" + customer).then().statusCode(200)
                .body("service", equalTo("feedback-service"))
                .body("parts.surveyResponses[0].comment", equalTo("My name is Ada Lovelace and the parcel never came. Awful."))
                .body("parts.surveyInvitations", hasSize(1))
                .body("parts.feedbackCases[0].history[1].note", equalTo("Ada called, she lives at 12 Analytical Lane"));
        given().auth().oauth2(Tokens.forRole("admin")).get("/privacy/customers/" + customer).then().statusCode(403);
        String before = given().auth().oauth2(Tokens.forRole("agent")).get("/cases/" + caseId).then().extract().header("ETag");

        FeedbackFixtures.erased(customer);

        assertEquals(0, rows("select count(*) from survey_response where customer_id = ? or comment like '%Ada%'", customer));
        assertEquals(1, rows("select count(*) from survey_response where id = ? and customer_id is null and comment is null "
                + "and score = 1 and sentiment is not null", responseId));
        assertEquals(0, rows("select count(*) from invitation where customer_id = ?", customer));
        assertEquals(0, rows("select count(*) from case_history where note like '%Ada%' or root_cause_text like '%Ada%'"));
        assertEquals(0, rows("select count(*) from customer_consent where customer_id = ?", customer));
        given().auth().oauth2(Tokens.forRole("agent")).get("/cases/" + caseId).then().statusCode(200)
                .body("customerId", nullValue()).body("rootCauseText", nullValue()).body("response.comment", nullValue())
                .body("response.score", equalTo(1)).header("ETag", not(equalTo(before)));
        given().auth().oauth2(Tokens.forRole("analyst")).get("/surveys/" + survey + "/summary").then().statusCode(200)
                .body("overall.responses", equalTo(1)).body("overall.nps.detractors", equalTo(1));
        given().auth().oauth2(privacyToken()).get("/privacy/customers/" + customer).then().statusCode(200)
                .body("parts", anEmptyMap());
        // a late answer under the erased id records nothing about them
        respond(survey, UUID.randomUUID(), customer, 9, "hello again").statusCode(410);
    }

    @Test
    void aMergeMovesAnswersAndCasesToTheSurvivorAndLaterAnswersFollow() {
        UUID merged = UUID.randomUUID();
        UUID survivor = UUID.randomUUID();
        String survey = activeSurvey("CSAT", "support", null, null);
        String caseId = respond(survey, UUID.randomUUID(), merged, 1, null).statusCode(201).extract().path("caseId");
        FeedbackFixtures.merged(merged, survivor);
        assertEquals(1, rows("select count(*) from retired_customer where customer_id = ? and merged_into = ?", merged, survivor));
        given().auth().oauth2(Tokens.forRole("agent")).get("/cases/" + caseId).then().body("customerId", equalTo(survivor.toString()));
        respond(survey, UUID.randomUUID(), merged, 5, null).statusCode(201).body("customerId", equalTo(survivor.toString()));
        assertEquals(2, rows("select count(*) from survey_response where customer_id = ?", survivor));
    }

    @Test
    void mergesAppliedOutOfOrderStillReachTheLastSurvivor() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        UUID c = UUID.randomUUID();
        String survey = activeSurvey("CSAT", "support", null, null);
        String caseOfA = respond(survey, UUID.randomUUID(), a, 1, null).statusCode(201).extract().path("caseId");
        respond(survey, UUID.randomUUID(), b, 4, null).statusCode(201);

        // customer-service merged A into B, then B into C; feedback-service applies B → C first
        FeedbackFixtures.merged(b, c);
        FeedbackFixtures.merged(a, b);

        assertEquals(1, rows("select count(*) from retired_customer where customer_id = ? and merged_into = ?", a, c));
        for (String table : new String[] {"survey_response", "invitation", "feedback_case"}) {
            assertEquals(0, rows("select count(*) from " + table + " where customer_id in (?, ?)", a, b), table);
        }
        assertEquals(2, rows("select count(*) from survey_response where customer_id = ?", c));
        given().auth().oauth2(Tokens.forRole("agent")).get("/cases/" + caseOfA).then().body("customerId", equalTo(c.toString()));
        respond(survey, UUID.randomUUID(), a, 5, null).statusCode(201).body("customerId", equalTo(c.toString()));
        respond(survey, UUID.randomUUID(), b, 5, null).statusCode(201).body("customerId", equalTo(c.toString()));
        assertEquals(4, rows("select count(*) from survey_response where customer_id = ?", c));
    }

    @Test
    void aMergeThatWouldCloseACycleChangesNothing() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        String survey = activeSurvey("CSAT", "support", null, null);
        FeedbackFixtures.merged(a, b);
        FeedbackFixtures.send(FeedbackFixtures.CUSTOMER_EVENTS, b.toString(), FeedbackFixtures.customerEvent("customer.merged.v1", b)
                .replace("\"toCustomerId\": \"" + b + "\"", "\"toCustomerId\": \"" + a + "\""));
        FeedbackFixtures.awaitHandled(b);
        assertEquals(0, rows("select count(*) from retired_customer where customer_id = ?", b));
        respond(survey, UUID.randomUUID(), a, 5, null).statusCode(201).body("customerId", equalTo(b.toString()));
    }

    @Test
    void whatAMergeBringsToAnErasedCustomerIsErasedToo() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        String survey = activeSurvey("CSAT", "support", null, null);
        UUID answer = UUID.randomUUID();
        respond(survey, answer, a, 2, "Grace Hopper here, still waiting for my refund.").statusCode(201);
        FeedbackFixtures.erased(b);
        FeedbackFixtures.merged(a, b);

        assertEquals(1, rows("select count(*) from survey_response where id = ? and customer_id is null and comment is null",
                answer));
        assertEquals(1, rows("select count(*) from retired_customer where customer_id = ? and erased_at is not null", a));
        respond(survey, UUID.randomUUID(), a, 5, "hello").statusCode(410);
    }

    @Test
    void consentAndStageOfARetiredCustomerAreNotKept() {
        UUID erased = UUID.randomUUID();
        UUID merged = UUID.randomUUID();
        FeedbackFixtures.erased(erased);
        FeedbackFixtures.merged(merged, UUID.randomUUID());
        for (UUID retired : List.of(erased, merged)) {
            FeedbackFixtures.consent(retired, true, 10);
            FeedbackFixtures.send(FeedbackFixtures.CUSTOMER_EVENTS, retired.toString(), FeedbackFixtures
                    .customerEvent("customer.stage-changed.v1", retired).replace("\"aggregateversion\": 2", "\"aggregateversion\": 11"));
            FeedbackFixtures.awaitHandled(retired);
            assertEquals(0, rows("select count(*) from customer_consent where customer_id = ?", retired));
            assertEquals(0, rows("select count(*) from customer_stage where customer_id = ?", retired));
        }
    }

    @Test
    void theLatestPublishedVersionDecidesWhoOwnsATouchpoint() {
        UUID journey = UUID.randomUUID();
        FeedbackFixtures.published(journey, 2, "sales");
        FeedbackFixtures.published(journey, 3, "product");
        // version 2 again, late: changes nothing
        FeedbackFixtures.send(FeedbackFixtures.JOURNEY_MAPS, journey.toString(),
                io.waymark.testing.EventFixtures.load("journey.published.v1")
                        .replace("019ab3c2-9b00-7000-8000-00000000b001", journey.toString())
                        .replace("019ab3c2-8a20-7c4a-9a51-3f0d2c6b8e22", UUID.randomUUID().toString()));
        FeedbackFixtures.published(journey, 4, "product"); // same key, so applied after the late one
        assertEquals(1, rows("select count(*) from touchpoint_owner where journey_id = ? and touchpoint_key = 'checkout' "
                + "and owner_team = 'product'", journey));
        String survey = activeSurvey("NPS", "support", journey, "checkout");
        String caseId = respond(survey, UUID.randomUUID(), UUID.randomUUID(), 0, null).statusCode(201).extract().path("caseId");
        given().auth().oauth2(Tokens.forRole("admin")).get("/cases/" + caseId).then().body("team", equalTo("product"));
    }
}
