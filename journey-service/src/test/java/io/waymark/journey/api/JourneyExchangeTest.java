package io.waymark.journey.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.waymark.testing.DevstackTestResource;
import io.waymark.testing.Tokens;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The published document is the exchange format: the sample map is accepted as is, and an export recreates a map. */
@QuarkusTest
@WithTestResource(DevstackTestResource.class)
class JourneyExchangeTest {

    @Test
    void theSampleMapIsAcceptedAndAnExportedVersionRecreatesIt() throws Exception {
        String sample = Files.readString(Path.of("../docs/examples/journey-online-store.json"));
        String designer = Tokens.forRole("designer");
        String id = given().auth().oauth2(designer).contentType(ContentType.JSON).body(sample).post("/journeys")
                .then().statusCode(201).body("ownerTeam", equalTo("product")).extract().path("id");
        given().auth().oauth2(designer).post("/journeys/" + id + "/publish").then().statusCode(201);
        String exported = given().auth().oauth2(designer).get("/journeys/" + id + "/versions/1").then().statusCode(200)
                .extract().asString();

        String copy = given().auth().oauth2(designer).contentType(ContentType.JSON).body(exported).post("/journeys")
                .then().statusCode(201).extract().path("id");
        given().auth().oauth2(designer).post("/journeys/" + copy + "/publish").then().statusCode(201);
        ObjectMapper json = new ObjectMapper();
        assertEquals(json.readTree(exported), json.readTree(given().auth().oauth2(designer)
                .get("/journeys/" + copy + "/versions/1").then().statusCode(200).extract().asString()));
        assertEquals(json.readTree(sample), json.readTree(exported), "nothing lost or added on the way");
    }

    @Test
    void theExampleInTheApiDescriptionIsAValidMap() {
        given().auth().oauth2(Tokens.forRole("designer")).contentType(ContentType.JSON).body(JourneyExamples.SMALL)
                .post("/journeys").then().statusCode(201);
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("Remote-working Riley"));
    }
}
