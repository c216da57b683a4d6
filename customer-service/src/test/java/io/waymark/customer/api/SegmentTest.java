package io.waymark.customer.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.waymark.testing.DevstackTestResource;
import io.waymark.testing.TestDatabase;
import io.waymark.testing.Tokens;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Segments over real customers: preview, save, size, members, ?segment=, and filters that try to be SQL. */
@QuarkusTest
@WithTestResource(DevstackTestResource.class)
class SegmentTest {

    /** Five customers of one batch: three on "pro" (two of them in PURCHASE), two on "free". */
    private static String batch() {
        String batch = UUID.randomUUID().toString();
        String agent = Tokens.forRole("agent");
        List<List<String>> people = List.of(List.of("pro", "PURCHASE"), List.of("pro", "PURCHASE"),
                List.of("pro", "RETENTION"), List.of("free", "PURCHASE"), List.of("free", "AWARENESS"));
        for (List<String> p : people) {
            given().auth().oauth2(agent).contentType(ContentType.JSON)
                    .body(Map.of("email", "seg-" + UUID.randomUUID() + "@example.com", "stage", p.get(1),
                            "traits", Map.of("batch", batch, "plan", p.get(0), "tags", List.of("beta", p.get(0)))))
                    .post("/customers").then().statusCode(201);
        }
        return batch;
    }

    private static io.restassured.response.Response preview(String filter) {
        return given().auth().oauth2(Tokens.forRole("analyst")).contentType(ContentType.JSON)
                .body(Map.of("filter", filter)).post("/segments/preview");
    }

    @Test
    void previewCountsAndSamplesWhatAFilterMatches() {
        String batch = batch();
        preview("traits.batch = \"" + batch + "\" and stage = \"PURCHASE\" and traits.plan = \"pro\"")
                .then().statusCode(200).body("count", equalTo(2)).body("sample", hasSize(2))
                .body("sample[0].traits.plan", equalTo("pro"));
        preview("traits.batch = \"" + batch + "\" and (stage in (\"RETENTION\", \"AWARENESS\") or traits.tags contains \"free\")")
                .then().statusCode(200).body("count", equalTo(3));
        preview("traits.batch = \"" + batch + "\" and not traits.plan = \"pro\" and createdAt > now-1h")
                .then().statusCode(200).body("count", equalTo(2));
    }

    @Test
    void aSavedSegmentHasASizeMembersAndFiltersCustomers() {
        String batch = batch();
        String analyst = Tokens.forRole("analyst");
        String id = given().auth().oauth2(analyst).contentType(ContentType.JSON)
                .body(Map.of("name", "Pro " + batch, "filter", "traits.batch = \"" + batch + "\" and traits.plan = \"pro\"",
                        "description", "paying customers of one test batch"))
                .post("/segments").then().statusCode(201).extract().path("id");
        given().auth().oauth2(analyst).get("/segments/" + id).then().statusCode(200).body("size", equalTo(3));
        String next = given().auth().oauth2(analyst).get("/segments/" + id + "/members?limit=2").then().statusCode(200)
                .body("items", hasSize(2)).body("next", notNullValue()).extract().path("next");
        given().auth().oauth2(analyst).get("/segments/" + id + "/members?limit=2&cursor=" + next).then().statusCode(200)
                .body("items", hasSize(1));
        given().auth().oauth2(Tokens.forRole("agent")).get("/customers?segment=" + id + "&stage=PURCHASE")
                .then().statusCode(200).body("items", hasSize(2));
        given().auth().oauth2(Tokens.forRole("agent")).contentType(ContentType.JSON)
                .body(Map.of("name", "Agents cannot " + batch, "filter", "stage = \"PURCHASE\"")).post("/segments")
                .then().statusCode(403);
        given().auth().oauth2(analyst).get("/customers?segment=not-a-uuid").then().statusCode(400);
        given().auth().oauth2(analyst).get("/segments/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void aMalformedFilterIs400NamingThePosition() {
        preview("stage = ").then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("filter")).body("violations[0].message", containsString("position 9"));
        preview("stag = \"PURCHASE\"").then().statusCode(400).body("violations[0].message", containsString("stag"));
        preview("event.score > 3").then().statusCode(400);
    }

    @Test
    void injectionInAValueOrATraitKeyHasNoSqlEffect() throws Exception {
        long before = TestDatabase.count("customer_test", "select count(*) from customer");
        preview("email = \"x' or '1'='1\"").then().statusCode(200).body("count", equalTo(0));
        preview("traits.plan = \"'); delete from customer; --\"").then().statusCode(200).body("count", equalTo(0));
        preview("traits[\"plan') or 1=1; drop table customer; --\"] = \"pro\"").then().statusCode(200).body("count", equalTo(0));
        preview("traits[\"no-such-trait-zz\"] exists or traits[\"$1; drop table segment\"] exists").then().statusCode(200).body("count", equalTo(0));
        preview("stage = \"PURCHASE\"; drop table customer").then().statusCode(400);
        preview("traits.plan'; drop table customer; -- = \"x\"").then().statusCode(400);
        assertEquals(before, TestDatabase.count("customer_test", "select count(*) from customer"));
        assertEquals(1, TestDatabase.count("customer_test", "select count(*) from pg_tables where tablename = 'segment'"));
    }
}
