package io.waymark.customer.messaging;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.waymark.testing.DevstackTestResource;
import io.waymark.testing.Tokens;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The default rules on live events: exactly once per event, in order per customer, every move in the history. */
@QuarkusTest
@WithTestResource(DevstackTestResource.class)
class LifecycleRulesLiveTest {

    private static final String FIRST_PURCHASE_RULE = "01900000-0000-7000-8000-000000000002";

    private static String customer(String stage) {
        return given().auth().oauth2(Tokens.forRole("agent")).contentType(ContentType.JSON)
                .body(Map.of("email", "rules-" + UUID.randomUUID() + "@example.com", "stage", stage))
                .post("/customers").then().statusCode(201).extract().path("id");
    }

    private static List<Map<String, Object>> history(String id) {
        return given().auth().oauth2(Tokens.forRole("analyst")).get("/customers/" + id + "/stage-transitions")
                .then().statusCode(200).extract().path("items");
    }

    @Test
    void aPurchaseDeliveredTwiceMovesTheCustomerOnceAndMarksThemSeen() {
        String id = customer("CONSIDERATION");
        UUID purchase = UUID.randomUUID();
        OffsetDateTime at = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
        String event = LiveEvents.interaction(purchase, id, "purchase", at);
        // the same event twice (a redelivery), then a later page view: once that is applied, both copies were
        OffsetDateTime later = at.plusSeconds(5);
        LiveEvents.send(LiveEvents.INTERACTIONS, id, event, event,
                LiveEvents.interaction(UUID.randomUUID(), id, "page_view", later));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String seen = given().auth().oauth2(Tokens.forRole("agent")).get("/customers/" + id)
                    .then().statusCode(200).extract().path("lastSeenAt");
            assertEquals(later.toInstant(), seen == null ? null : OffsetDateTime.parse(seen).toInstant());
        });
        List<Map<String, Object>> moves = history(id);
        assertEquals(1, moves.size(), "one move for one event delivered twice: " + moves);
        Map<String, Object> move = moves.get(0);
        assertEquals("PURCHASE", move.get("to"));
        assertEquals("rule", move.get("cause"));
        assertEquals(FIRST_PURCHASE_RULE, move.get("ruleId"));
        assertEquals(purchase.toString(), move.get("triggeringEventId"));
    }

    @Test
    void aBatchOfInteractionsMarksEachCustomerSeenAtItsLatestAlsoByAnonymousId() {
        String visitor = "web-" + UUID.randomUUID();
        String known = given().auth().oauth2(Tokens.forRole("agent")).contentType(ContentType.JSON)
                .body(Map.of("anonymousId", visitor, "email", "seen-" + UUID.randomUUID() + "@example.com"))
                .post("/customers/identify").then().statusCode(201).extract().path("id");
        String other = customer("AWARENESS");
        OffsetDateTime t = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
        LiveEvents.send(LiveEvents.INTERACTIONS, visitor,
                LiveEvents.anonymousInteraction(UUID.randomUUID(), visitor, "page_view", t.minusMinutes(3)),
                LiveEvents.anonymousInteraction(UUID.randomUUID(), visitor, "page_view", t.minusMinutes(1)),
                // late: an older interaction after a newer one does not move lastSeenAt back
                LiveEvents.anonymousInteraction(UUID.randomUUID(), visitor, "page_view", t.minusMinutes(2)));
        LiveEvents.send(LiveEvents.INTERACTIONS, other, LiveEvents.interaction(UUID.randomUUID(), other, "page_view", t));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertEquals(t.minusMinutes(1).toInstant(), seenAt(known));
            assertEquals(t.toInstant(), seenAt(other));
        });
        assertEquals(0, history(known).size(), "a page view concerns no rule");
    }

    private static java.time.Instant seenAt(String id) {
        String seen = given().auth().oauth2(Tokens.forRole("agent")).get("/customers/" + id).then().statusCode(200)
                .extract().path("lastSeenAt");
        return seen == null ? null : OffsetDateTime.parse(seen).toInstant();
    }

    @Test
    void aPromoterInRetentionBecomesAnAdvocateAndADetractorDoesNot() {
        String promoter = customer("RETENTION");
        String detractor = customer("RETENTION");
        LiveEvents.send(LiveEvents.FEEDBACK, detractor, LiveEvents.npsResponse(UUID.randomUUID(), detractor, 3));
        LiveEvents.send(LiveEvents.FEEDBACK, promoter, LiveEvents.npsResponse(UUID.randomUUID(), promoter, 10));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(Tokens.forRole("agent"))
                .get("/customers/" + promoter).then().statusCode(200).body("stage", equalTo("ADVOCACY")));
        // the detractor's answer was on the same topic before the promoter's; its partition may differ, so wait a little
        await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertEquals(0, history(detractor).size()));
    }
}
