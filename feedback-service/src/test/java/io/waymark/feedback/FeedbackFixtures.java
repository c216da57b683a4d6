package io.waymark.feedback;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.waymark.testing.EventFixtures;
import io.waymark.testing.KafkaTopics;
import io.waymark.testing.TestDatabase;
import io.waymark.testing.Tokens;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * What feedback-service's tests share: surveys and answers through the API with real tokens, and the events
 * other services publish (golden fixtures with fresh ids) onto the test topics, with waits for their effect.
 */
public final class FeedbackFixtures {

    public static final String DATABASE = "feedback_test";
    public static final String CUSTOMER_EVENTS = "test.customer.events";
    public static final String JOURNEY_MAPS = "test.journey.maps";
    public static final String FEEDBACK_EVENTS = "test.feedback.events";
    private static final String FIXTURE_EVENT = "019ab3c2-[0-9a-f]{4}-7c4a-9a51-3f0d2c6b8e[0-9a-f]{2}";
    private static final String FIXTURE_CUSTOMER = "019ab3c2-7d00-7b21-8f3e-1a2b3c4d5e[0-9a-f]{2}";
    private static final String FIXTURE_JOURNEY = "019ab3c2-9b00-7000-8000-00000000b001";

    private FeedbackFixtures() {
    }

    // --- the API

    /** A survey body; {@code journeyId} and {@code touchpointKey} may be null. */
    public static Map<String, Object> surveyBody(String kind, String team, UUID journeyId, String touchpointKey) {
        Map<String, Object> target = new HashMap<>();
        if (journeyId != null) {
            target.put("journeyId", journeyId.toString());
            target.put("touchpointKey", touchpointKey);
        }
        target.put("channel", "web");
        return Map.of("name", kind + " survey " + UUID.randomUUID(), "kind", kind,
                "question", "How likely are you to recommend us?", "followUp", "What is the main reason for your score?",
                "target", target, "owningTeam", team);
    }

    /** An active NPS, CSAT or CES survey owned by {@code team}, about the touchpoint if given; its id. */
    public static String activeSurvey(String kind, String team, UUID journeyId, String touchpointKey) {
        String id = given().auth().oauth2(Tokens.forRole("designer")).contentType(ContentType.JSON)
                .body(surveyBody(kind, team, journeyId, touchpointKey)).post("/surveys")
                .then().statusCode(201).extract().path("id");
        given().auth().oauth2(Tokens.forRole("designer")).post("/surveys/" + id + "/activate").then().statusCode(200);
        return id;
    }

    /** A consenting customer and an active NPS survey at the checkout of a journey. */
    public record CheckoutSurvey(UUID customer, UUID journey, String survey) {
    }

    /**
     * A customer who consented to surveys, in {@code stage}; a journey whose checkout team support owns; and an
     * active NPS survey of team marketing at that checkout (so its cases go to support).
     */
    public static CheckoutSurvey checkoutSurvey(String stage, long stageVersion) {
        UUID customer = UUID.randomUUID();
        consentGranted(customer);
        stage(customer, stage, stageVersion);
        UUID journey = UUID.randomUUID();
        published(journey, 1, "support");
        return new CheckoutSurvey(customer, journey, activeSurvey("NPS", "marketing", journey, "checkout"));
    }

    /** A system's answer (role ingest). */
    public static ValidatableResponse respond(String surveyId, UUID responseId, UUID customer, Integer score, String comment) {
        Map<String, Object> body = new HashMap<>();
        body.put("id", responseId.toString());
        body.put("customerId", customer.toString());
        body.put("score", score);
        if (comment != null) {
            body.put("comment", comment);
        }
        return given().auth().oauth2(Tokens.forRole("ingest")).contentType(ContentType.JSON).body(body)
                .post("/surveys/" + surveyId + "/responses").then();
    }

    /** Every item id of a collection, following {@code next} page after page (tests share their database). */
    public static java.util.List<String> allIds(String token, String path, Map<String, ?> query) {
        java.util.List<String> ids = new java.util.ArrayList<>();
        String cursor = null;
        do {
            var request = given().auth().oauth2(token).queryParams(query).queryParam("limit", 200);
            if (cursor != null) {
                request = request.queryParam("cursor", cursor);
            }
            var page = request.get(path).then().statusCode(200).extract();
            ids.addAll(page.path("items.id"));
            cursor = page.path("next");
        } while (cursor != null);
        return ids;
    }

    // --- other services' events

    /** A {@code surveys} consent answer of the customer, at the customer's version {@code version}. */
    public static void consent(UUID customer, boolean granted, long version) {
        send(CUSTOMER_EVENTS, customer.toString(), customerEvent("customer.consent-changed.v1", customer)
                .replace("\"email_marketing\"", "\"surveys\"")
                .replace("\"granted\": true", "\"granted\": " + granted)
                .replace("\"aggregateversion\": 3", "\"aggregateversion\": " + version));
    }

    /** Consent granted, and waited for until feedback-service knows it. */
    public static void consentGranted(UUID customer) {
        consent(customer, true, 3);
        awaitRows(1, "select count(*) from customer_consent where customer_id = ? and granted", customer);
    }

    public static void stage(UUID customer, String stage, long version) {
        send(CUSTOMER_EVENTS, customer.toString(), customerEvent("customer.stage-changed.v1", customer)
                .replace("\"to\": \"CONSIDERATION\"", "\"to\": \"" + stage + "\"")
                .replace("\"aggregateversion\": 2", "\"aggregateversion\": " + version));
        awaitRows(1, "select count(*) from customer_stage where customer_id = ? and stage = ?", customer, stage);
    }

    public static void erased(UUID customer) {
        send(CUSTOMER_EVENTS, customer.toString(), customerEvent("customer.erased.v1", customer));
        awaitRows(1, "select count(*) from retired_customer where customer_id = ? and erased_at is not null", customer);
    }

    /**
     * Waits until feedback-service has handled every customer event sent so far under {@code key}: sends one more
     * on the same partition (a stage of a fresh customer, keyed by {@code key}) and waits for its effect.
     */
    public static void awaitHandled(UUID key) {
        UUID marker = UUID.randomUUID();
        send(CUSTOMER_EVENTS, key.toString(), customerEvent("customer.stage-changed.v1", marker));
        awaitRows(1, "select count(*) from customer_stage where customer_id = ?", marker);
    }

    /** {@code from} merged into {@code into}; waits until feedback-service has retired {@code from}. */
    public static void merged(UUID from, UUID into) {
        send(CUSTOMER_EVENTS, from.toString(), customerEvent("customer.merged.v1", from)
                .replace("\"toCustomerId\": \"" + from + "\"", "\"toCustomerId\": \"" + into + "\""));
        awaitRows(1, "select count(*) from retired_customer where customer_id = ? and merged_into is not null", from);
    }

    /**
     * Version {@code version} of a journey map whose touchpoint {@code checkout} is owned by {@code checkoutOwner}
     * (the fixture's map: owner team product, touchpoint ad-click owned by marketing); waits until it is applied.
     */
    public static void published(UUID journey, int version, String checkoutOwner) {
        String event = EventFixtures.load("journey.published.v1").replaceAll(FIXTURE_EVENT, UUID.randomUUID().toString())
                .replace(FIXTURE_JOURNEY, journey.toString())
                .replace("\"ownerTeam\": \"sales\"", "\"ownerTeam\": \"" + checkoutOwner + "\"")
                .replace("\"version\": 2", "\"version\": " + version)
                .replace("\"aggregateversion\": 2", "\"aggregateversion\": " + version);
        send(JOURNEY_MAPS, journey.toString(), event);
        awaitRows(1, "select count(*) from journey_published where journey_id = ? and version = ?", journey, version);
    }

    public static String customerEvent(String fixture, UUID customer) {
        return EventFixtures.load(fixture).replaceAll(FIXTURE_EVENT, UUID.randomUUID().toString())
                .replaceAll(FIXTURE_CUSTOMER, customer.toString());
    }

    public static void send(String topic, String key, String... values) {
        try (KafkaCompanion kafka = KafkaTopics.companion()) {
            for (String value : values) {
                kafka.produceStrings().fromRecords(new ProducerRecord<>(topic, key, value)).awaitCompletion();
            }
        }
    }

    // --- the database

    public static long rows(String sql, Object... params) {
        try {
            return TestDatabase.count(DATABASE, sql, params);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void awaitRows(long expected, String sql, Object... params) {
        await().atMost(Duration.ofSeconds(60)).until(() -> rows(sql, params) == expected);
    }
}
