package io.waymark.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.http.ContentType;
import io.waymark.testing.Tokens;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** A journey map through the gateway: the sample map is created, published and drawn with its overlay. */
class JourneyEndToEndTest extends ThroughTheGateway {

    @Test
    void theSampleMapIsPublishedAndDrawnThroughTheGateway() throws Exception {
        String designer = Tokens.forRole("designer");
        String id = given().auth().oauth2(designer).contentType(ContentType.JSON)
                .body(Files.readString(Path.of("../docs/examples/journey-online-store.json"))).post("/api/journeys")
                .then().statusCode(201).extract().path("id");
        given().auth().oauth2(designer).post("/api/journeys/" + id + "/publish").then().statusCode(201)
                .body("version", equalTo(1));
        // analytics answers, but has no measurements of journeys yet (its issue): the overlay says so
        given().auth().oauth2(Tokens.forRole("analyst")).get("/api/journeys/" + id + "/map.svg?version=1&overlay=actual")
                .then().statusCode(200).contentType("image/svg+xml")
                .body(containsString("Online store: first purchase")).body(containsString("no data yet"));
    }
}
