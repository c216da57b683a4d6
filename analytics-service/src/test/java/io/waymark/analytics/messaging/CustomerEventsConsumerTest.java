package io.waymark.analytics.messaging;

import static io.restassured.RestAssured.given;
import static io.waymark.analytics.messaging.CustomerEvents.created;
import static io.waymark.analytics.messaging.CustomerEvents.rows;
import static io.waymark.analytics.messaging.CustomerEvents.send;
import static io.waymark.analytics.messaging.CustomerEvents.stageRows;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.waymark.testing.DevstackTestResource;
import io.waymark.testing.KafkaTopics;
import io.waymark.testing.Tokens;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** customer.events through the platform's consumer runtime into the stage read model, on real Kafka and PostgreSQL. */
@QuarkusTest
@WithTestResource(DevstackTestResource.class)
class CustomerEventsConsumerTest {

    private static long customersIn(String stage) {
        Number n = given().auth().oauth2(Tokens.forRole("analyst")).get("/analytics/stages")
                .then().statusCode(200).extract().path("stages.find { it.stage == '" + stage + "' }.customers");
        return n.longValue();
    }

    /** Sends a marker after the events under test: same key, same partition, so once it is applied they were handled. */
    private static void awaitHandled(UUID key) {
        UUID marker = UUID.randomUUID();
        send(key.toString(), created(UUID.randomUUID(), marker, "ADVOCACY"));
        await().atMost(Duration.ofSeconds(30)).until(() -> stageRows(marker) == 1);
    }

    @Test
    void theGoldenFixtureIsApplied() throws Exception {
        UUID customer = UUID.randomUUID();
        send(customer.toString(), CustomerEvents.fixture("customer.created.v1", UUID.randomUUID(), customer));
        await().atMost(Duration.ofSeconds(30)).until(() -> stageRows(customer) == 1);
        assertEquals(1, rows("select count(*) from customer_stage where customer_id = ? and stage = 'AWARENESS' "
                + "and aggregate_version = 1", customer));
    }

    @Test
    void unknownAttributesFieldsAndStagesDoNotFailAnEvent() throws Exception {
        UUID customer = UUID.randomUUID();
        send(customer.toString(), CustomerEvents.fixture("customer.created.v1.extra-fields", UUID.randomUUID(), customer));
        await().atMost(Duration.ofSeconds(30)).until(() -> stageRows(customer) == 1);
        // kept as sent; counted once this service knows the stage, and meanwhile left out of the known stages
        assertEquals(1, rows("select count(*) from customer_stage where customer_id = ? and stage = 'REACTIVATION'", customer));
        given().auth().oauth2(Tokens.forRole("analyst")).get("/analytics/stages").then().statusCode(200)
                .body("stages.stage", contains("AWARENESS", "CONSIDERATION", "PURCHASE", "ONBOARDING", "RETENTION", "ADVOCACY"));
    }

    @Test
    void aRedeliveredEventIsCountedOnce() throws Exception {
        UUID customer = UUID.randomUUID();
        UUID event = UUID.randomUUID();
        long before = customersIn("ADVOCACY");
        String payload = created(event, customer, "ADVOCACY");
        send(customer.toString(), payload, payload);
        awaitHandled(customer);
        assertEquals(1, stageRows(customer));
        assertEquals(1, rows("select count(*) from inbox_event where event_id = ?", event));
        // the customer and the marker: the copy must not count twice
        assertEquals(before + 2, customersIn("ADVOCACY"));
    }

    @Test
    void anOlderVersionOfACustomerDoesNotOverwriteANewerOne() throws Exception {
        UUID customer = UUID.randomUUID();
        String newer = created(UUID.randomUUID(), customer, "PURCHASE").replace("\"aggregateversion\": 1", "\"aggregateversion\": 3");
        String older = created(UUID.randomUUID(), customer, "AWARENESS");
        send(customer.toString(), newer, older);
        awaitHandled(customer);
        assertEquals(1, rows("select count(*) from customer_stage where customer_id = ? and stage = 'PURCHASE' "
                + "and aggregate_version = 3", customer));
    }

    @Test
    void aTypeWithoutAHandlerIsAcknowledgedButNotRecorded() throws Exception {
        UUID customer = UUID.randomUUID();
        UUID event = UUID.randomUUID();
        String future = created(event, customer, "AWARENESS").replace("io.waymark.customer.created.v1",
                "io.waymark.customer.invented-later.v1");
        send(customer.toString(), future);
        awaitHandled(customer);
        assertEquals(0, stageRows(customer));
        assertEquals(0, rows("select count(*) from inbox_event where event_id = ?", event),
                "not in the inbox, so a handler added later can still apply it on a replay");
    }

    @Test
    void anUnreadableOrIncompleteEventGoesToTheDeadLetterTopicAndDoesNotBlockTheRest() throws Exception {
        UUID customer = UUID.randomUUID();
        String incomplete = created(UUID.randomUUID(), customer, "AWARENESS")
                .replace("\"customerId\": \"" + customer + "\",", "");
        send(customer.toString(), "this is not json", incomplete, created(UUID.randomUUID(), customer, "AWARENESS"));
        await().atMost(Duration.ofSeconds(30)).until(() -> stageRows(customer) == 1);

        try (KafkaCompanion kafka = KafkaTopics.companion()) {
            List<String> dead = CustomerEvents.deadLetters(kafka).getRecords().stream()
                    .filter(r -> customer.toString().equals(r.key())).map(ConsumerRecord::value).toList();
            assertTrue(dead.contains("this is not json"), "the unreadable event is on the dead-letter topic");
            assertTrue(dead.contains(incomplete), "the event without a customer id is on the dead-letter topic");
        }
    }

    @Test
    void stagesListEveryStageInLifecycleOrderForAnalystsOnly() {
        given().auth().oauth2(Tokens.forRole("analyst")).get("/analytics/stages")
                .then().statusCode(200)
                .body("stages.stage", contains("AWARENESS", "CONSIDERATION", "PURCHASE", "ONBOARDING", "RETENTION", "ADVOCACY"));
        given().auth().oauth2(Tokens.forRole("admin")).get("/analytics/stages").then().statusCode(200);
        given().get("/analytics/stages").then().statusCode(401);
        given().auth().oauth2(Tokens.forRole("designer")).get("/analytics/stages").then().statusCode(403);
    }

    @Test
    void aStageChangeMovesTheCustomerUnlessANewerVersionIsThere() throws Exception {
        UUID customer = UUID.randomUUID();
        String moved = CustomerEvents.fixture("customer.stage-changed.v1", UUID.randomUUID(), customer);
        String created = created(UUID.randomUUID(), customer, "AWARENESS");
        // the move (version 2) overtakes the creation (version 1): the creation must not undo it
        send(customer.toString(), moved, created);
        awaitHandled(customer);
        assertEquals(1, rows("select count(*) from customer_stage where customer_id = ? and stage = 'CONSIDERATION' "
                + "and aggregate_version = 2", customer));

        UUID other = UUID.randomUUID();
        send(other.toString(), CustomerEvents.fixture("customer.stage-changed.v1.extra-fields", UUID.randomUUID(), other));
        await().atMost(Duration.ofSeconds(30)).until(() -> stageRows(other) == 1);
        assertEquals(1, rows("select count(*) from customer_stage where customer_id = ? and stage = 'WINBACK'", other),
                "a stage this version does not know is kept as sent");
    }
}
