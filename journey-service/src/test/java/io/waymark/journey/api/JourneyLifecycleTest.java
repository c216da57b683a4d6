package io.waymark.journey.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.waymark.testing.DevstackTestResource;
import io.waymark.testing.EventFixtures;
import io.waymark.testing.KafkaTopics;
import io.waymark.testing.Tokens;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Create, edit with If-Match, publish, edit, publish, diff; versions never change; the event carries the version. */
@QuarkusTest
@WithTestResource(DevstackTestResource.class)
class JourneyLifecycleTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static String designer() {
        return Tokens.forRole("designer");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> touchpointOf(Map<String, Object> map, int stage, int touchpoint) {
        List<Map<String, Object>> stages = (List<Map<String, Object>>) map.get("stages");
        return ((List<Map<String, Object>>) stages.get(stage).get("touchpoints")).get(touchpoint);
    }

    @Test
    void editsArePublishedAsVersionsThatNeverChangeAndDiffNamesExactlyWhatChanged() throws Exception {
        Map<String, Object> map = JourneyMaps.map("Gift shopping " + UUID.randomUUID(), "product");
        String id = given().auth().oauth2(designer()).contentType(ContentType.JSON).body(map).post("/journeys")
                .then().statusCode(201).header("ETag", "\"1\"").body("status", equalTo("draft")).extract().path("id");

        map.put("description", "edited once");
        given().auth().oauth2(designer()).contentType(ContentType.JSON).header("If-Match", "\"1\"").body(map)
                .put("/journeys/" + id).then().statusCode(200).header("ETag", "\"2\"");
        given().auth().oauth2(designer()).contentType(ContentType.JSON).header("If-Match", "\"1\"").body(map)
                .put("/journeys/" + id).then().statusCode(412).contentType("application/problem+json");

        given().auth().oauth2(designer()).post("/journeys/" + id + "/publish").then().statusCode(201)
                .body("version", equalTo(1));
        given().auth().oauth2(designer()).post("/journeys/" + id + "/publish").then().statusCode(409);
        // publishing does not make the draft's ETag stale, and saving what was published publishes nothing new
        given().auth().oauth2(designer()).contentType(ContentType.JSON).header("If-Match", "\"2\"").body(map)
                .put("/journeys/" + id).then().statusCode(200).header("ETag", "\"3\"")
                .body("unpublishedChanges", equalTo(false));
        given().auth().oauth2(designer()).post("/journeys/" + id + "/publish").then().statusCode(409);
        String version1 = given().auth().oauth2(designer()).get("/journeys/" + id + "/versions/1").then().statusCode(200)
                .extract().asString();

        touchpointOf(map, 1, 1).put("name", "Pays by card");
        touchpointOf(map, 1, 1).put("emotion", -2);
        given().auth().oauth2(designer()).contentType(ContentType.JSON).body(map).put("/journeys/" + id)
                .then().statusCode(200).body("unpublishedChanges", equalTo(true));
        given().auth().oauth2(designer()).post("/journeys/" + id + "/publish").then().statusCode(201)
                .body("version", equalTo(2));

        given().auth().oauth2(Tokens.forRole("analyst")).get("/journeys/" + id + "/diff?from=1&to=2").then()
                .statusCode(200).body("changes", hasSize(2))
                .body("changes.path", equalTo(List.of("stages[buy].touchpoints[pay].name",
                        "stages[buy].touchpoints[pay].emotion")))
                .body("changes.before", equalTo(List.of("Pays", -1)))
                .body("changes.after", equalTo(List.of("Pays by card", -2)));
        given().auth().oauth2(designer()).get("/journeys/" + id + "/diff?from=2&to=draft").then().statusCode(200)
                .body("changes", hasSize(0));
        given().auth().oauth2(designer()).get("/journeys/" + id + "/diff?from=1&to=7").then().statusCode(400);

        assertEquals(JSON.readTree(version1), JSON.readTree(given().auth().oauth2(designer())
                .get("/journeys/" + id + "/versions/1").then().statusCode(200).extract().asString()), "version 1 as published");
        given().auth().oauth2(Tokens.forRole("agent")).get("/journeys/" + id + "/versions").then().statusCode(200)
                .body("version", equalTo(List.of(1, 2)));

        var event = KafkaTopics.first("test.journey.maps", r -> id.equals(r.key()) && r.value().contains("\"version\":2"));
        EventFixtures.assertSameShape("journey.published.v1", event.value());
        JsonNode data = JSON.readTree(event.value()).path("data");
        assertEquals("Pays by card", data.path("stages").path(1).path("touchpoints").path(1).path("name").asText());
        assertEquals("purchase", data.path("stages").path(1).path("touchpoints").path(1).path("interactionTypes").path(1).asText());
        assertEquals("slow page", data.path("stages").path(1).path("touchpoints").path(1).path("painPoints").path(0).path("text").asText());
        assertEquals("Pat", data.path("persona").path("name").asText(), "the whole version, persona included");
    }

    @Test
    void onlyTheOwnerTeamsDesignersChangeAMap() {
        Map<String, Object> map = JourneyMaps.map("Team rules " + UUID.randomUUID(), "product");
        String id = given().auth().oauth2(designer()).contentType(ContentType.JSON).body(map).post("/journeys")
                .then().statusCode(201).extract().path("id");
        String salesDesigner = Tokens.forUser("demo-designer-sales");
        given().auth().oauth2(salesDesigner).contentType(ContentType.JSON).body(map).put("/journeys/" + id)
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(salesDesigner).post("/journeys/" + id + "/publish").then().statusCode(403);
        given().auth().oauth2(salesDesigner).contentType(ContentType.JSON).body(map).post("/journeys").then().statusCode(403);
        given().auth().oauth2(salesDesigner).get("/journeys/" + id).then().statusCode(200);
        given().auth().oauth2(Tokens.forRole("agent")).contentType(ContentType.JSON).body(map).put("/journeys/" + id)
                .then().statusCode(403);
        given().auth().oauth2(Tokens.forRole("admin")).contentType(ContentType.JSON).body(map).put("/journeys/" + id)
                .then().statusCode(200);
        given().auth().oauth2(designer()).post("/journeys/" + id + "/archive").then().statusCode(200)
                .body("status", equalTo("archived"));
        given().auth().oauth2(designer()).contentType(ContentType.JSON).body(map).put("/journeys/" + id).then().statusCode(409);
        given().auth().oauth2(designer()).post("/journeys/" + id + "/clone").then().statusCode(201)
                .body("status", equalTo("draft")).body("name", equalTo("Copy of " + map.get("name")));
        given().auth().oauth2(Tokens.forRole("analyst")).get("/journeys?team=product&status=archived&q=team rules")
                .then().statusCode(200).body("items.id", hasItem(id));
    }

    @Test
    void aBadMapIs400NamingEachFieldPath() {
        Map<String, Object> map = JourneyMaps.map("Bad " + UUID.randomUUID(), "product");
        touchpointOf(map, 1, 0).put("emotion", 5);
        touchpointOf(map, 1, 1).put("key", "ad");
        touchpointOf(map, 0, 0).put("name", "bell \u0007 and nul \u0000");
        given().auth().oauth2(designer()).contentType(ContentType.JSON).body(map).post("/journeys")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("stages[1].touchpoints[0].emotion"))
                .body("violations.field", hasItem("stages[1].touchpoints[1].key"))
                .body("violations.field", hasItem("stages[0].touchpoints[0].name"));
        touchpointOf(map, 1, 0).put("emotion", 1.7);
        given().auth().oauth2(designer()).contentType(ContentType.JSON).body(map).post("/journeys")
                .then().statusCode(400).body("violations.field", hasItem("stages[1].touchpoints[0].emotion"));
        given().auth().oauth2(designer()).queryParam("q", "nul \u0000 inside").get("/journeys").then().statusCode(400);
        given().auth().oauth2(designer()).queryParam("team", "Not A Team").get("/journeys").then().statusCode(400);
    }
}
