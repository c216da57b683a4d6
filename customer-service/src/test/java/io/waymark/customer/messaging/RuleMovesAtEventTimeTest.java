package io.waymark.customer.messaging;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.waymark.testing.DevstackTestResource;
import io.waymark.testing.Tokens;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A lifecycle rule's move happens when its triggering fact happened (an interaction's occurredAt, an answer's
 * recordedAt), kept between the start of the customer's current stage and now (docs/decisions/015).
 */
@QuarkusTest
@WithTestResource(DevstackTestResource.class)
class RuleMovesAtEventTimeTest {

    private static final OffsetDateTime NOW = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);

    private static String customer(String stage, OffsetDateTime firstSeen) {
        return given().auth().oauth2(Tokens.forClient("waymark-ingest", "waymark-ingest-secret")).contentType(ContentType.JSON)
                .body(Map.of("email", "when-" + UUID.randomUUID() + "@example.com", "stage", stage,
                        "firstSeenAt", firstSeen.toString()))
                .post("/customers").then().statusCode(201).extract().path("id");
    }

    /** The customer's one move, once it is there. */
    private static Map<String, Object> onlyMove(String id) {
        await().atMost(Duration.ofSeconds(30)).until(() -> !moves(id).isEmpty());
        List<Map<String, Object>> moves = moves(id);
        assertEquals(1, moves.size(), moves.toString());
        return moves.get(0);
    }

    private static List<Map<String, Object>> moves(String id) {
        return given().auth().oauth2(Tokens.forRole("analyst")).get("/customers/" + id + "/stage-transitions")
                .then().statusCode(200).extract().path("items");
    }

    private static Instant instant(Object text) {
        return OffsetDateTime.parse((String) text).toInstant();
    }

    @Test
    void aPurchaseHundredDaysAgoMovesTheCustomerHundredDaysAgo() {
        OffsetDateTime firstSeen = NOW.minusDays(120);
        OffsetDateTime purchased = NOW.minusDays(100);
        String id = customer("CONSIDERATION", firstSeen);
        LiveEvents.send(LiveEvents.INTERACTIONS, id, LiveEvents.interaction(UUID.randomUUID(), id, "purchase", purchased));

        Map<String, Object> move = onlyMove(id);
        assertEquals("PURCHASE", move.get("to"));
        assertEquals(purchased.toInstant(), instant(move.get("at")));
        assertEquals(20L * 86_400, ((Number) move.get("secondsInPreviousStage")).longValue());
        String since = given().auth().oauth2(Tokens.forRole("agent")).get("/customers/" + id).then().statusCode(200)
                .extract().path("stageSince");
        assertEquals(purchased.toInstant(), instant(since));
    }

    @Test
    void aMoveIsNeverBeforeTheCurrentStageBeganNorAfterNow() {
        // the customer is in CONSIDERATION since 10 days ago; a purchase event dated 50 days ago (a late import)
        OffsetDateTime since = NOW.minusDays(10);
        String late = customer("CONSIDERATION", since);
        LiveEvents.send(LiveEvents.INTERACTIONS, late,
                LiveEvents.interaction(UUID.randomUUID(), late, "purchase", NOW.minusDays(50)));
        Map<String, Object> clamped = onlyMove(late);
        assertEquals(since.toInstant(), instant(clamped.get("at")));
        assertEquals(0L, ((Number) clamped.get("secondsInPreviousStage")).longValue());

        // an interaction from a sender whose clock runs ahead (journey-service takes up to a day ahead)
        String ahead = customer("CONSIDERATION", NOW.minusDays(1));
        LiveEvents.send(LiveEvents.INTERACTIONS, ahead,
                LiveEvents.interaction(UUID.randomUUID(), ahead, "purchase", NOW.plusHours(6)));
        Instant at = instant(onlyMove(ahead).get("at"));
        Instant now = Instant.now();
        assertTrue(!at.isAfter(now) && at.isAfter(NOW.toInstant().minusSeconds(1)), "now, not ahead: " + at);
    }

    @Test
    void aPromotersAnswerRecordedInThePastMakesAnAdvocateThen() {
        String id = customer("RETENTION", NOW.minusDays(60));
        OffsetDateTime answered = NOW.minusDays(45);
        LiveEvents.send(LiveEvents.FEEDBACK, id, LiveEvents.npsResponse(UUID.randomUUID(), id, 10, answered));
        Map<String, Object> move = onlyMove(id);
        assertEquals("ADVOCACY", move.get("to"));
        assertEquals(answered.toInstant(), instant(move.get("at")));
    }
}
