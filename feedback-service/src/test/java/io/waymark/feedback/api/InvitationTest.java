package io.waymark.feedback.api;

import static io.restassured.RestAssured.given;
import static io.waymark.feedback.FeedbackFixtures.activeSurvey;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.waymark.feedback.FeedbackFixtures;
import io.waymark.feedback.domain.invitation.InvitationTokens;
import io.waymark.testing.DevstackTestResource;
import io.waymark.testing.TestDatabase;
import io.waymark.testing.Tokens;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/** Invitation links: only with consent, single use, expiring, stored as hashes, answered without a login. */
@QuarkusTest
@WithTestResource(DevstackTestResource.class)
class InvitationTest {

    private static ValidatableResponse invite(String survey, UUID customer) {
        return given().auth().oauth2(Tokens.forRole("agent")).contentType(ContentType.JSON)
                .body(Map.of("customerId", customer.toString())).post("/surveys/" + survey + "/invitations").then();
    }

    private static ValidatableResponse answer(String token, Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).post("/public/invitations/" + token + "/response").then();
    }

    @Test
    void aTokenWorksOnceThenIsGone() {
        UUID customer = UUID.randomUUID();
        FeedbackFixtures.consentGranted(customer);
        String survey = activeSurvey("CSAT", "support", null, null);
        var issued = invite(survey, customer).statusCode(201).body("customerId", equalTo(customer.toString()))
                .body("url", containsString("/api/public/invitations/")).extract();
        String token = issued.path("token");
        assertEquals("http://localhost:8080/api/public/invitations/" + token, issued.path("url"));
        Duration ttl = Duration.between(OffsetDateTime.now(), OffsetDateTime.parse(issued.path("expiresAt")));
        assertEquals(14, Math.round(ttl.toHours() / 24.0));
        // only the hash is stored
        assertEquals(0, FeedbackFixtures.rows("select count(*) from invitation i where cast(i as text) like ?",
                "%" + token + "%"));
        assertEquals(1, FeedbackFixtures.rows("select count(*) from invitation where token_hash = ?",
                (Object) InvitationTokens.hash(token)));

        given().get("/public/invitations/" + token).then().statusCode(200).body("kind", equalTo("CSAT"))
                .body("scale.max", equalTo(5)).body("question", notNullValue());
        // an answer that does not fit is 400 and leaves the link usable
        answer(token, Map.of("score", 9)).statusCode(400).body("violations.field", hasItem("score"));
        answer(token, Map.of("score", 2, "comment", "Slow and unhelpful.")).statusCode(201).body("id", notNullValue());
        answer(token, Map.of("score", 5)).statusCode(410).contentType("application/problem+json")
                .body("detail", containsString("used"));
        given().get("/public/invitations/" + token).then().statusCode(410);
        assertEquals(1, FeedbackFixtures.rows("select count(*) from survey_response r join invitation i "
                + "on i.response_id = r.id where r.customer_id = ? and r.score = 2", customer));
    }

    @Test
    void aTokenUsedByManyAtOnceTakesOneAnswer() {
        UUID customer = UUID.randomUUID();
        FeedbackFixtures.consentGranted(customer);
        String token = invite(activeSurvey("NPS", "support", null, null), customer).statusCode(201).extract().path("token");
        List<CompletableFuture<Integer>> calls = new ArrayList<>();
        List<Integer> statuses;
        // six threads of their own, released together
        try (ExecutorService threads = Executors.newFixedThreadPool(6)) {
            CountDownLatch start = new CountDownLatch(1);
            for (int i = 0; i < 6; i++) {
                int score = i;
                calls.add(CompletableFuture.supplyAsync(() -> {
                    awaitQuietly(start);
                    return answer(token, Map.of("score", score)).extract().statusCode();
                }, threads));
            }
            start.countDown();
            statuses = calls.stream().map(CompletableFuture::join).sorted().toList();
        }
        assertEquals(List.of(201, 410, 410, 410, 410, 410), statuses);
        assertEquals(1, FeedbackFixtures.rows("select count(*) from survey_response r join invitation i "
                + "on r.invitation_id = i.id where i.token_hash = ?", (Object) InvitationTokens.hash(token)));
        assertEquals(1, FeedbackFixtures.rows("select count(*) from survey_response where customer_id = ?", customer));
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void anExpiredTokenIsGone() throws Exception {
        UUID customer = UUID.randomUUID();
        FeedbackFixtures.consentGranted(customer);
        String token = invite(activeSurvey("NPS", "support", null, null), customer).statusCode(201).extract().path("token");
        try (Connection c = TestDatabase.superuser(FeedbackFixtures.DATABASE);
             PreparedStatement st = c.prepareStatement("update invitation set expires_at = now() - interval '1 second' "
                     + "where token_hash = ?")) {
            st.setBytes(1, InvitationTokens.hash(token));
            assertEquals(1, st.executeUpdate());
        }
        given().get("/public/invitations/" + token).then().statusCode(410).body("detail", containsString("expired"));
        answer(token, Map.of("score", 10)).statusCode(410).body("detail", containsString("expired"));
    }

    @Test
    void noInvitationWithoutConsent() {
        String survey = activeSurvey("NPS", "support", null, null);
        UUID unknown = UUID.randomUUID();
        invite(survey, unknown).statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("no granted 'surveys' consent"));
        UUID withdrew = UUID.randomUUID();
        FeedbackFixtures.consentGranted(withdrew);
        invite(survey, withdrew).statusCode(201);
        FeedbackFixtures.consent(withdrew, false, 4);
        FeedbackFixtures.awaitRows(1, "select count(*) from customer_consent where customer_id = ? and not granted", withdrew);
        invite(survey, withdrew).statusCode(409);
        // a late, older grant does not undo the withdrawal
        FeedbackFixtures.consent(withdrew, true, 3);
        // a later event of the same customer (same partition, so applied after the grant) to wait for
        FeedbackFixtures.stage(withdrew, "PURCHASE", 5);
        invite(survey, withdrew).statusCode(409);
    }

    @Test
    void unknownTokensAndDraftSurveysAreRefused() {
        given().get("/public/invitations/" + InvitationTokens.newToken()).then().statusCode(404)
                .contentType("application/problem+json");
        given().get("/public/invitations/not-a-token").then().statusCode(404);
        UUID customer = UUID.randomUUID();
        FeedbackFixtures.consentGranted(customer);
        String draft = given().auth().oauth2(Tokens.forRole("designer")).contentType(ContentType.JSON)
                .body(FeedbackFixtures.surveyBody("NPS", "support", null, null)).post("/surveys")
                .then().statusCode(201).extract().path("id");
        invite(draft, customer).statusCode(409).body("detail", containsString("draft"));
        invite(UUID.randomUUID().toString(), customer).statusCode(404);
        given().auth().oauth2(Tokens.forRole("agent")).contentType(ContentType.JSON).body(Map.of())
                .post("/surveys/" + draft + "/invitations").then().statusCode(400)
                .body("violations.field", hasItem("customerId"));
    }
}
