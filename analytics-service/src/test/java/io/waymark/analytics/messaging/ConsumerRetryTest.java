package io.waymark.analytics.messaging;

import static io.restassured.RestAssured.given;
import static io.waymark.analytics.messaging.CustomerEvents.created;
import static io.waymark.analytics.messaging.CustomerEvents.rows;
import static io.waymark.analytics.messaging.CustomerEvents.send;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.waymark.testing.DevstackTestResource;
import io.waymark.testing.KafkaTopics;
import io.waymark.testing.TestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL fails in the middle of a stream: the consumer retries on the message's context, and once the
 * database is back every event is applied exactly once, nothing is dead-lettered and the consumer stays live.
 */
@QuarkusTest
@WithTestResource(DevstackTestResource.class)
class ConsumerRetryTest {

    private static final String ROLE = "analytics";

    private static String[] events(List<UUID> customers) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            UUID customer = UUID.randomUUID();
            customers.add(customer);
            out.add(created(UUID.randomUUID(), customer, "CONSIDERATION"));
        }
        return out.toArray(String[]::new);
    }

    private static long applied(List<UUID> customers) throws Exception {
        String ids = "{" + String.join(",", customers.stream().map(UUID::toString).toList()) + "}";
        return rows("select count(*) from customer_stage where customer_id = any(?::uuid[])", ids);
    }

    @Test
    void everyEventIsAppliedOnceAfterTheDatabaseComesBack() throws Exception {
        String key = UUID.randomUUID().toString();
        List<UUID> customers = new ArrayList<>();
        send(key, events(customers));
        await().atMost(Duration.ofSeconds(30)).until(() -> applied(customers) == 10);

        TestDatabase.cutOff(ROLE);
        try {
            send(key, events(customers));
            // the database stays away for a few retries (back-off 0.1, 0.2, 0.4, 0.8, 1.6 s ...)
            Thread.sleep(3000);
        } finally {
            TestDatabase.restore(ROLE);
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> applied(customers) == 20);
        for (UUID customer : customers) {
            assertEquals(1, rows("select count(*) from customer_stage where customer_id = ?", customer));
        }
        try (KafkaCompanion kafka = KafkaTopics.companion()) {
            assertEquals(0, CustomerEvents.deadLetters(kafka)
                    .getRecords().stream().filter(r -> key.equals(r.key())).count(), "nothing was dead-lettered");
        }
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("outcome=\"retried\""));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        // readiness follows the database: back to UP once its pools have reconnected
        await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/q/health/ready").statusCode() == 200);
    }
}
