package io.waymark.platform.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.waymark.testing.DevstackTestResource;
import org.junit.jupiter.api.Test;

/** Every failure is problem+json with the right status, over real HTTP. */
@QuarkusTest
@WithTestResource(DevstackTestResource.class)
class ProblemMappersTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void domainErrorsBecomeTheirStatus() {
        given().get("/problems/domain/not-found").then().statusCode(404).contentType(PROBLEM)
                .body("detail", equalTo("thing 42 does not exist"));
        given().get("/problems/domain/conflict").then().statusCode(409).contentType(PROBLEM);
        given().get("/problems/domain/stale").then().statusCode(412).contentType(PROBLEM).body("status", equalTo(412));
        given().get("/problems/domain/invalid").then().statusCode(400).contentType(PROBLEM)
                .body("violations.field", hasItem("name"));
    }

    @Test
    void aResponseThatCannotBeWrittenIsOurFaultNotTheClients() {
        given().get("/problems/unwritable").then().statusCode(500).contentType(PROBLEM)
                .body("detail", not(containsString("cannot be written")));
    }

    @Test
    void badPagingParametersAre400NamingTheField() {
        given().queryParam("limit", "abc").get("/problems/page").then().statusCode(400).contentType(PROBLEM)
                .body("violations.field", hasItem("limit"));
        given().queryParam("limit", "0").queryParam("cursor", "bogus").get("/problems/page").then().statusCode(400)
                .body("violations.field", hasItem("limit")).body("violations.field", hasItem("cursor"));
        given().queryParam("limit", "7").get("/problems/page").then().statusCode(200).body("limit", equalTo(7));
    }

    @Test
    void methodsAndMediaTypesAndSizesAreProblemsToo() {
        given().delete("/problems/page").then().statusCode(405).contentType(PROBLEM);
        given().header("Accept", "application/xml").get("/problems/page").then().statusCode(406).contentType(PROBLEM);
        given().get("/nothing/here").then().statusCode(404).contentType(PROBLEM);
        given().get("/problems/unannotated").then().statusCode(401).contentType(PROBLEM);
    }
}
