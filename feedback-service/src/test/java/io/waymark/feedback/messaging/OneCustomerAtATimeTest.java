package io.waymark.feedback.messaging;

import static io.restassured.RestAssured.given;
import static io.waymark.feedback.FeedbackFixtures.activeSurvey;
import static io.waymark.feedback.FeedbackFixtures.respond;
import static io.waymark.feedback.FeedbackFixtures.rows;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.waymark.feedback.FeedbackFixtures;
import io.waymark.testing.DevstackTestResource;
import io.waymark.testing.TestDatabase;
import io.waymark.testing.Tokens;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Everything done to one customer is serialised by a transaction-scoped advisory lock on them: an answer (from
 * a system or a link), an invitation, a merge and an erasure. Each test holds the lock from outside, as a
 * concurrent transaction of the service would, and sees the path wait for it; then an erasure and answers race.
 */
@QuarkusTest
@WithTestResource(DevstackTestResource.class)
class OneCustomerAtATimeTest {

    /** The customer's lock, held by another transaction until closed. */
    private static final class Held implements AutoCloseable {

        private final Connection connection;

        Held(UUID customer) throws SQLException {
            connection = TestDatabase.superuser(FeedbackFixtures.DATABASE);
            connection.setAutoCommit(false);
            try (PreparedStatement st = connection.prepareStatement("select pg_advisory_xact_lock(hashtextextended(?, 0))")) {
                st.setString(1, "customer:" + customer);
                st.execute();
            }
        }

        @Override
        public void close() throws SQLException {
            connection.commit();
            connection.close();
        }
    }

    /** Waits until a transaction of the service waits for the customer's lock. */
    private static void awaitWaitingFor(UUID customer) {
        await().atMost(Duration.ofSeconds(15)).until(() -> rows("select count(*) from pg_locks where locktype = 'advisory' "
                + "and not granted and ((classid::bigint << 32) | objid::bigint) = hashtextextended(?, 0)",
                "customer:" + customer) == 1);
    }

    private static CompletableFuture<Integer> meanwhile(Supplier<Integer> call) {
        return CompletableFuture.supplyAsync(call);
    }

    @Test
    void anAnswerFromASystemWaitsForTheCustomer() throws Exception {
        String survey = activeSurvey("CSAT", "support", null, null);
        UUID customer = UUID.randomUUID();
        UUID answer = UUID.randomUUID();
        CompletableFuture<Integer> status;
        try (Held held = new Held(customer)) {
            status = meanwhile(() -> respond(survey, answer, customer, 2, "slow").extract().statusCode());
            awaitWaitingFor(customer);
            assertEquals(0, rows("select count(*) from survey_response where id = ?", answer));
        }
        assertEquals(201, status.get(30, TimeUnit.SECONDS));
    }

    @Test
    void anInvitationAndAnAnswerByItsLinkWaitForTheCustomer() throws Exception {
        String survey = activeSurvey("NPS", "support", null, null);
        UUID customer = UUID.randomUUID();
        FeedbackFixtures.consentGranted(customer);
        CompletableFuture<Integer> invited;
        try (Held held = new Held(customer)) {
            invited = meanwhile(() -> given().auth().oauth2(Tokens.forRole("agent")).contentType(ContentType.JSON)
                    .body(Map.of("customerId", customer.toString())).post("/surveys/" + survey + "/invitations")
                    .then().extract().statusCode());
            awaitWaitingFor(customer);
            assertEquals(0, rows("select count(*) from invitation where customer_id = ?", customer));
        }
        assertEquals(201, invited.get(30, TimeUnit.SECONDS));

        String token = given().auth().oauth2(Tokens.forRole("agent")).contentType(ContentType.JSON)
                .body(Map.of("customerId", customer.toString())).post("/surveys/" + survey + "/invitations")
                .then().statusCode(201).extract().path("token");
        CompletableFuture<Integer> answered;
        try (Held held = new Held(customer)) {
            answered = meanwhile(() -> given().contentType(ContentType.JSON).body(Map.of("score", 9))
                    .post("/public/invitations/" + token + "/response").then().extract().statusCode());
            awaitWaitingFor(customer);
            // the link is not used yet either: the customer is locked before it
            assertEquals(0, rows("select count(*) from invitation where customer_id = ? and used_at is not null", customer));
        }
        assertEquals(201, answered.get(30, TimeUnit.SECONDS));
    }

    @Test
    void resolvingWithAFollowUpInvitationWaitsForTheCustomerBeforeChangingTheCase() throws Exception {
        UUID customer = UUID.randomUUID();
        FeedbackFixtures.consentGranted(customer);
        String caseId = respond(activeSurvey("CSAT", "support", null, null), UUID.randomUUID(), customer, 1, null)
                .statusCode(201).extract().path("caseId");
        given().auth().oauth2(Tokens.forRole("agent")).contentType(ContentType.JSON).body(Map.of("status", "in_progress"))
                .patch("/cases/" + caseId).then().statusCode(200);
        CompletableFuture<Integer> resolved;
        try (Held held = new Held(customer)) {
            resolved = meanwhile(() -> given().auth().oauth2(Tokens.forRole("agent")).contentType(ContentType.JSON)
                    .body(Map.of("status", "resolved", "followUpInvitation", true)).patch("/cases/" + caseId)
                    .then().extract().statusCode());
            awaitWaitingFor(customer);
            assertEquals(1, rows("select count(*) from feedback_case where id = ? and status = 'in_progress'",
                    UUID.fromString(caseId)));
        }
        assertEquals(200, resolved.get(30, TimeUnit.SECONDS));
    }

    @Test
    void anErasureAndAMergeWaitForTheCustomer() throws Exception {
        UUID erased = UUID.randomUUID();
        try (Held held = new Held(erased)) {
            FeedbackFixtures.send(FeedbackFixtures.CUSTOMER_EVENTS, erased.toString(),
                    FeedbackFixtures.customerEvent("customer.erased.v1", erased));
            awaitWaitingFor(erased);
            assertEquals(0, rows("select count(*) from retired_customer where customer_id = ?", erased));
        }
        FeedbackFixtures.awaitRows(1, "select count(*) from retired_customer where customer_id = ? and erased_at is not null",
                erased);

        UUID from = UUID.randomUUID();
        UUID into = UUID.randomUUID();
        try (Held held = new Held(into)) {
            FeedbackFixtures.send(FeedbackFixtures.CUSTOMER_EVENTS, from.toString(), FeedbackFixtures
                    .customerEvent("customer.merged.v1", from)
                    .replace("\"toCustomerId\": \"" + from + "\"", "\"toCustomerId\": \"" + into + "\""));
            awaitWaitingFor(into);
            assertEquals(0, rows("select count(*) from retired_customer where customer_id = ?", from));
        }
        FeedbackFixtures.awaitRows(1, "select count(*) from retired_customer where customer_id = ? and merged_into = ?",
                from, into);
    }

    @Test
    void anErasureRacingAnswersLeavesNothingOfThePerson() throws Exception {
        String survey = activeSurvey("NPS", "support", null, null);
        for (int round = 0; round < 5; round++) {
            UUID customer = UUID.randomUUID();
            respond(survey, UUID.randomUUID(), customer, 3, "I am " + customer).statusCode(201);
            List<CompletableFuture<Integer>> answers = List.of(
                    meanwhile(() -> respond(survey, UUID.randomUUID(), customer, 1, "Still me, " + customer)
                            .extract().statusCode()),
                    meanwhile(() -> respond(survey, UUID.randomUUID(), customer, 2, "Me again, " + customer)
                            .extract().statusCode()));
            FeedbackFixtures.erased(customer);
            for (CompletableFuture<Integer> answer : answers) {
                int status = answer.get(30, TimeUnit.SECONDS);
                assertTrue(status == 201 || status == 410, "answered " + status);
            }
            assertEquals(0, rows("select count(*) from survey_response where customer_id = ? or comment like ?",
                    customer, "%" + customer + "%"));
        }
    }
}
