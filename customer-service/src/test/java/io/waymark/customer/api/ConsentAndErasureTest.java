package io.waymark.customer.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.waymark.testing.DevstackTestResource;
import io.waymark.testing.EventFixtures;
import io.waymark.testing.KafkaTopics;
import io.waymark.testing.TestDatabase;
import io.waymark.testing.Tokens;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Consent per purpose with its history and event; erasure leaves a tombstone and tells everyone. */
@QuarkusTest
@WithTestResource(DevstackTestResource.class)
class ConsentAndErasureTest {

    private static String createCustomer(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("email", "consent-" + UUID.randomUUID() + "@example.com", "firstName", "Ada",
                        "externalIds", Map.of("crm", "C-" + UUID.randomUUID())))
                .post("/customers").then().statusCode(201).extract().path("id");
    }

    private static io.restassured.response.Response answer(String token, String id, String purpose, boolean granted) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("granted", granted, "source", "preference-center"))
                .put("/customers/" + id + "/consents/" + purpose);
    }

    @Test
    void consentIsKeptPerPurposeWithItsHistoryAndPublished() {
        String agent = Tokens.forRole("agent");
        String id = createCustomer(agent);
        answer(agent, id, "email_marketing", true).then().statusCode(200).body("email_marketing.granted", equalTo(true));
        answer(agent, id, "email_marketing", true).then().statusCode(200);
        answer(agent, id, "email_marketing", false).then().statusCode(200).body("email_marketing.granted", equalTo(false));
        answer(agent, id, "surveys", true).then().statusCode(200);
        answer(agent, id, "telepathy", true).then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("purpose"));
        answer(Tokens.forRole("analyst"), id, "surveys", false).then().statusCode(403);

        given().auth().oauth2(agent).get("/customers/" + id).then().statusCode(200)
                .body("consents.email_marketing.granted", equalTo(false)).body("consents.surveys.granted", equalTo(true));
        given().auth().oauth2(Tokens.forRole("analyst")).get("/customers/" + id + "/consents/history")
                .then().statusCode(200).body("items", hasSize(3))
                .body("items.granted", equalTo(java.util.List.of(true, false, true)))
                .body("items[0].actor", equalTo("demo-agent"));

        var event = KafkaTopics.first("test.customer.events",
                r -> id.equals(r.key()) && r.value().contains("customer.consent-changed") && r.value().contains("\"granted\":false"));
        EventFixtures.assertSameShape("customer.consent-changed.v1", event.value());
    }

    @Test
    void erasureRemovesThePersonAndTheirConsentsAndIsPublished() throws Exception {
        String admin = Tokens.forRole("admin");
        String id = createCustomer(admin);
        answer(admin, id, "analytics", true).then().statusCode(200);
        given().auth().oauth2(Tokens.forRole("agent")).delete("/customers/" + id).then().statusCode(403);

        given().auth().oauth2(admin).delete("/customers/" + id).then().statusCode(204);

        given().auth().oauth2(admin).get("/customers/" + id).then().statusCode(410).contentType("application/problem+json");
        given().auth().oauth2(admin).delete("/customers/" + id).then().statusCode(410);
        UUID uuid = UUID.fromString(id);
        assertEquals(0, TestDatabase.count("customer_test", "select count(*) from consent_change where customer_id = ?", uuid));
        assertEquals(0, TestDatabase.count("customer_test", "select count(*) from customer_external_id where customer_id = ?", uuid));
        assertEquals(1, TestDatabase.count("customer_test", "select count(*) from customer where id = ? and status = 'erased' "
                + "and email is null and first_name is null and traits = '{}' and consents = '{}' and external_ids = '{}'", uuid));
        var event = KafkaTopics.first("test.customer.events", r -> id.equals(r.key()) && r.value().contains("customer.erased"));
        EventFixtures.assertSameShape("customer.erased.v1", event.value());
        assertFalse(event.value().contains("@example.com"));
    }
}
