package io.waymark.customer.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.waymark.testing.DevstackTestResource;
import io.waymark.testing.EventFixtures;
import io.waymark.testing.KafkaTopics;
import io.waymark.testing.TestDatabase;
import io.waymark.testing.Tokens;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Identity: identify finds or creates, concurrently exactly once; external ids are unique; anonymous ids and admin merges. */
@QuarkusTest
@WithTestResource(DevstackTestResource.class)
class IdentityTest {

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static io.restassured.response.Response identify(String token, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/customers/identify");
    }

    @Test
    void identifyCreatesThenFindsAndMergesTraits() {
        String ingest = Tokens.forRole("ingest");
        String email = "id-" + unique() + "@example.com";
        String id = identify(ingest, Map.of("email", email, "traits", Map.of("plan", "free")))
                .then().statusCode(201).body("traits.plan", equalTo("free")).extract().path("id");
        identify(ingest, Map.of("email", email.toUpperCase(), "externalIds", Map.of("crm", "C-" + unique()),
                "traits", Map.of("plan", "pro", "seats", 3)))
                .then().statusCode(200).body("id", equalTo(id)).body("traits.plan", equalTo("pro"))
                .body("traits.seats", equalTo(3)).body("externalIds.crm", containsString("C-"));
    }

    @Test
    void identifyWithoutAUsableIdIs400AndACustomerKnownByOtherIdsIsFoundByName() {
        String ingest = Tokens.forRole("ingest");
        identify(ingest, Map.of("email", "")).then().statusCode(400).contentType("application/problem+json");
        identify(ingest, Map.of("traits", Map.of("plan", "pro"))).then().statusCode(400);
        java.util.Map<String, Object> nullId = new java.util.HashMap<>();
        nullId.put("crm", null);
        identify(ingest, Map.of("externalIds", nullId)).then().statusCode(400)
                .body("violations[0].field", equalTo("externalIds.crm"));

        String surname = "Noemail" + unique();
        String id = identify(ingest, Map.of("externalIds", Map.of("shop", "S-" + unique()), "lastName", surname))
                .then().statusCode(201).extract().path("id");
        given().auth().oauth2(Tokens.forRole("agent")).get("/customers?q=" + surname.toLowerCase())
                .then().statusCode(200).body("items.id", equalTo(List.of(id)));
    }

    @Test
    void twentyConcurrentIdentifiesOfOneEmailCreateOneCustomer() throws Exception {
        String ingest = Tokens.forRole("ingest");
        String email = "race-" + unique() + "@example.com";
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Callable<io.restassured.response.Response>> calls = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                int n = i;
                calls.add(() -> identify(ingest, Map.of("email", email, "traits", Map.of("call" + n, n))));
            }
            List<io.restassured.response.Response> answers = new ArrayList<>();
            for (Future<io.restassured.response.Response> f : pool.invokeAll(calls)) {
                answers.add(f.get());
            }
            Set<String> ids = answers.stream().map(r -> r.<String>path("id")).collect(Collectors.toSet());
            assertEquals(1, ids.size(), "one customer for one email: " + ids);
            assertEquals(1, answers.stream().filter(r -> r.statusCode() == 201).count(), "created once");
            assertEquals(19, answers.stream().filter(r -> r.statusCode() == 200).count(), "found 19 times");
            assertEquals(1, TestDatabase.count("customer_test", "select count(*) from customer where lower(email) = lower(?)", email));
            assertEquals(20, given().auth().oauth2(Tokens.forRole("agent")).get("/customers/" + ids.iterator().next())
                    .then().statusCode(200).extract().<Map<String, Object>>path("traits").size(), "every call's traits kept");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anExternalIdBelongsToOneCustomer() {
        String agent = Tokens.forRole("agent");
        String crm = "C-" + unique();
        given().auth().oauth2(agent).contentType(ContentType.JSON)
                .body(Map.of("email", "ext1-" + unique() + "@example.com", "externalIds", Map.of("crm", crm)))
                .post("/customers").then().statusCode(201).body("externalIds.crm", equalTo(crm));
        String other = given().auth().oauth2(agent).contentType(ContentType.JSON)
                .body(Map.of("email", "ext2-" + unique() + "@example.com")).post("/customers").then().statusCode(201)
                .extract().path("id");
        given().auth().oauth2(agent).contentType(CustomerResource.MERGE_PATCH)
                .body(Map.of("externalIds", Map.of("crm", crm))).patch("/customers/" + other)
                .then().statusCode(409).contentType("application/problem+json");
        given().auth().oauth2(agent).contentType(CustomerResource.MERGE_PATCH)
                .body(Map.of("externalIds", Map.of("bad system!", "x"))).patch("/customers/" + other)
                .then().statusCode(400).body("violations[0].field", equalTo("externalIds.bad system!"));
        identify(Tokens.forRole("ingest"), Map.of("externalIds", Map.of("crm", crm), "email", "ext2x-" + unique() + "@example.com"))
                .then().statusCode(409);
    }

    @Test
    void aKnownAnonymousIdIsMergedIntoTheCustomerItIdentifiesAs() throws Exception {
        String ingest = Tokens.forRole("ingest");
        String anonymous = "anon-" + UUID.randomUUID();
        String email = "anon-" + unique() + "@example.com";
        String known = identify(ingest, Map.of("email", email)).then().statusCode(201).extract().path("id");
        String visitor = identify(ingest, Map.of("anonymousId", anonymous, "traits", Map.of("landing", "pricing")))
                .then().statusCode(201).extract().path("id");
        identify(ingest, Map.of("anonymousId", anonymous, "email", email)).then().statusCode(200)
                .body("id", equalTo(known)).body("traits.landing", equalTo("pricing"));

        var linked = KafkaTopics.first("test.customer.events",
                r -> visitor.equals(r.key()) && r.value().contains("customer.merged") && r.value().contains(anonymous));
        EventFixtures.assertSameShape("customer.merged.v1", linked.value());
        var folded = KafkaTopics.first("test.customer.events",
                r -> visitor.equals(r.key()) && r.value().contains("\"kind\":\"customer\""));
        assertEquals(true, folded.value().contains(known), "the visitor's profile went to the known customer");
        given().auth().oauth2(Tokens.forRole("agent")).redirects().follow(false).get("/customers/" + visitor)
                .then().statusCode(301).header("Location", endsWith("/customers/" + known));
    }

    @Test
    void anAdminMergeKeepsBothHistoriesAndTheOldIdPointsToTheSurvivor() {
        String admin = Tokens.forRole("admin");
        String survivor = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("email", "keep-" + unique() + "@example.com", "traits", Map.of("plan", "pro")))
                .post("/customers").then().statusCode(201).extract().path("id");
        String otherEmail = "gone-" + unique() + "@example.com";
        String other = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("email", otherEmail, "firstName", "Grace", "traits", Map.of("plan", "free", "seats", 5),
                        "externalIds", Map.of("shop", "S-" + unique())))
                .post("/customers").then().statusCode(201).extract().path("id");
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("to", "CONSIDERATION"))
                .post("/customers/" + other + "/stage-transitions").then().statusCode(201);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("granted", true, "source", "signup"))
                .put("/customers/" + other + "/consents/surveys").then().statusCode(200);

        given().auth().oauth2(Tokens.forRole("agent")).contentType(ContentType.JSON).body(Map.of("customerId", other))
                .post("/customers/" + survivor + "/merge").then().statusCode(403);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("customerId", other))
                .post("/customers/" + survivor + "/merge").then().statusCode(200)
                .body("traits.plan", equalTo("pro")).body("traits.seats", equalTo(5))
                .body("firstName", equalTo("Grace")).body("externalIds.shop", containsString("S-"));

        given().auth().oauth2(admin).redirects().follow(false).get("/customers/" + other)
                .then().statusCode(301).header("Location", endsWith("/customers/" + survivor))
                .contentType("application/problem+json");
        given().auth().oauth2(admin).redirects().follow(false).get("/customers/" + other.toUpperCase())
                .then().statusCode(301).header("Location", endsWith("/customers/" + survivor));
        var consent = KafkaTopics.first("test.customer.events", r -> survivor.equals(r.key())
                && r.value().contains("customer.consent-changed") && r.value().contains("\"surveys\""));
        assertEquals(true, consent.value().contains("\"granted\":true"), "the answer taken over from the other is published");
        given().auth().oauth2(admin).contentType(CustomerResource.MERGE_PATCH).body(Map.of("firstName", "X"))
                .patch("/customers/" + other).then().statusCode(410).header("Location", endsWith("/customers/" + survivor));
        given().auth().oauth2(admin).get("/customers/" + survivor + "/stage-transitions")
                .then().statusCode(200).body("items[0].to", equalTo("CONSIDERATION"));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("customerId", other))
                .post("/customers/" + survivor + "/merge").then().statusCode(409);
    }
}
