package io.waymark.journey.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.waymark.testing.TestDatabase;
import io.waymark.testing.Tokens;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Interactions as clients send them, and what the tests read back from journey-service's database. */
final class Interactions {

    static final String DATABASE = "journey_test";

    private Interactions() {
    }

    static Map<String, Object> of(UUID customer, String type) {
        return of(UUID.randomUUID(), customer, type, OffsetDateTime.now(ZoneOffset.UTC));
    }

    static Map<String, Object> of(UUID id, UUID customer, String type, OffsetDateTime at) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", id.toString());
        item.put("customerId", customer.toString());
        item.put("type", type);
        item.put("channel", "web");
        item.put("occurredAt", at.toString());
        item.put("properties", Map.of("path", "/pricing", "value", 49.9, "firstVisit", true));
        return item;
    }

    static ValidatableResponse post(Object body) {
        return given().auth().oauth2(Tokens.forRole("ingest")).contentType(ContentType.JSON).body(body)
                .post("/interactions").then();
    }

    static long stored(Collection<UUID> ids) throws Exception {
        String array = "{" + String.join(",", ids.stream().map(UUID::toString).toList()) + "}";
        return TestDatabase.count(DATABASE, "select count(*) from interaction where id = any(?::uuid[])", array);
    }

    static void awaitStored(Collection<UUID> ids) {
        await().atMost(Duration.ofSeconds(30)).until(() -> stored(ids) == ids.size());
    }
}
