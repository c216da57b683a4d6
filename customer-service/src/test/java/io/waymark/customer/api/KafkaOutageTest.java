package io.waymark.customer.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.waymark.testing.DevstackTestResource;
import io.waymark.testing.TestDatabase;
import io.waymark.testing.Tokens;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Kafka away: the write API stays ready and keeps taking writes into the outbox, and readiness shows the
 * backlog instead of going DOWN (the gateway would otherwise answer 503 for everything).
 */
@QuarkusTest
@TestProfile(KafkaOutageTest.KafkaUnreachable.class)
@WithTestResource(DevstackTestResource.class)
class KafkaOutageTest {

    /** This service instance's broker address leads nowhere. */
    public static class KafkaUnreachable implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("kafka.bootstrap.servers", "127.0.0.1:9");
        }
    }

    @Test
    void writesAreTakenAndReadinessStaysUp() throws Exception {
        String email = "no-kafka-" + UUID.randomUUID() + "@example.com";
        String id = given().auth().oauth2(Tokens.forRole("agent")).contentType(ContentType.JSON)
                .body(Map.of("email", email)).post("/customers")
                .then().statusCode(201).extract().path("id");

        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'Outbox' }.data.backlog", greaterThanOrEqualTo(1));
        assertEquals(1, TestDatabase.count("customer_test",
                "select count(*) from outbox_event where message_key = ? and published_at is null", id),
                "the event waits in the outbox for Kafka");
    }
}
