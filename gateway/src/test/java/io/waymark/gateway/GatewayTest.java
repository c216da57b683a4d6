package io.waymark.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.waymark.testing.Tokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(EchoUpstreamResource.class)
class GatewayTest {

    @Test
    void forwardsToTheServiceWithoutTheApiPrefixAndWithTheToken() {
        String token = Tokens.forRole("agent");
        given().auth().oauth2(token).queryParam("limit", 5).get("/api/customers/abc")
                .then().statusCode(200)
                .body("method", equalTo("GET"))
                .body("uri", equalTo("/customers/abc?limit=5"))
                .body("authorization", equalTo("Bearer " + token))
                .body("forwardedPrefix", equalTo("/api"));
    }

    @Test
    void streamsRequestBodiesAndRewritesLocationToThePublicUrl() {
        given().auth().oauth2(Tokens.forRole("agent")).contentType(ContentType.JSON).body("{\"email\":\"a@b.c\"}")
                .post("/api/customers")
                .then().statusCode(201)
                .body("body", equalTo("{\"email\":\"a@b.c\"}"))
                .header("Location", matchesPattern("http://[^/]+/api/customers/42"));
    }

    @Test
    void refusesRequestsWithoutAValidToken() {
        given().get("/api/customers").then().statusCode(401)
                .contentType("application/problem+json").header("WWW-Authenticate", startsWith("Bearer"))
                .body("status", equalTo(401));
        given().get("/api/analytics/stages").then().statusCode(401);
        given().get("/api/nothing-here").then().statusCode(401);
        given().auth().oauth2("garbage").get("/api/customers").then().statusCode(401);
    }

    @Test
    void refusesRolesThatHaveNoBusinessWithAService() {
        given().auth().oauth2(Tokens.forRole("designer")).get("/api/analytics/stages").then().statusCode(403)
                .contentType("application/problem+json").body("status", equalTo(403));
        given().auth().oauth2(Tokens.forRole("designer")).get("/api/customers").then().statusCode(403);
        given().auth().oauth2(Tokens.forRole("analyst")).get("/api/analytics/stages").then().statusCode(200);
    }

    @Test
    void servesTheMergedOpenApiAndSwaggerUiWithoutAToken() {
        // the echo upstream is no OpenAPI server: the gateway says which services it could not read
        given().get("/openapi").then().statusCode(200)
                .body("info.title", equalTo("Waymark API"))
                .body("components.securitySchemes.keycloak.type", equalTo("oauth2"))
                .body("x-waymark-unavailable", notNullValue());
        given().get("/q/swagger-ui/").then().statusCode(200).contentType(startsWith("text/html"));
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void unknownPathsAreA404Problem() {
        given().auth().oauth2(Tokens.forRole("agent")).get("/api/nothing-here").then().statusCode(404)
                .contentType("application/problem+json").body("instance", equalTo("/api/nothing-here"));
        given().get("/nothing-here").then().statusCode(404).contentType("application/problem+json");
        given().delete("/openapi").then().statusCode(405).contentType("application/problem+json").body("status", equalTo(405));
    }

    @Test
    void aServiceThatIsDownIsA503Problem() {
        given().auth().oauth2(Tokens.forRole("designer")).get("/api/journeys")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "5")
                .body("status", equalTo(503));
        given().get("/openapi").then().statusCode(200).body("x-waymark-unavailable", hasItem("journeys"));
    }

    @Test
    void oversizedRequestsAreProblemsAtTheEdge() {
        String token = Tokens.forRole("agent");
        given().auth().oauth2(token).queryParam("q", "x".repeat(9000)).get("/api/customers")
                .then().statusCode(414).contentType("application/problem+json").body("status", equalTo(414));
        given().auth().oauth2(token).header("X-Padding", "x".repeat(17 * 1024)).get("/api/customers")
                .then().statusCode(431).contentType("application/problem+json").body("status", equalTo(431));
        String body300k = "[" + "1,".repeat(150 * 1024) + "1]";
        given().auth().oauth2(token).contentType(ContentType.JSON).body(body300k).post("/api/customers")
                .then().statusCode(413).contentType("application/problem+json").body("status", equalTo(413));
        // a route with a larger limit of its own (batch ingest) takes the same body through
        given().auth().oauth2(Tokens.forRole("ingest")).contentType(ContentType.JSON).body(body300k).post("/api/interactions")
                .then().statusCode(201).body("upstream", equalTo("journey"));
        String body5m = "[" + "1,".repeat(5 * 512 * 1024) + "1]";
        given().auth().oauth2(Tokens.forRole("ingest")).contentType(ContentType.JSON).body(body5m).post("/api/interactions")
                .then().statusCode(413).contentType("application/problem+json");
    }

    @Test
    void aRouteWithPathsOfItsOwnWinsOverThePrefixOfAnotherService() {
        String token = Tokens.forRole("agent");
        given().auth().oauth2(token).get("/api/customers/abc/timeline").then().statusCode(200)
                .body("upstream", equalTo("journey")).body("uri", equalTo("/customers/abc/timeline"));
        given().auth().oauth2(token).get("/api/customers/abc").then().statusCode(200).body("upstream", equalTo("customer"));
        given().auth().oauth2(token).get("/api/customers/abc/timeline/more").then().statusCode(200)
                .body("upstream", equalTo("customer"));
        // the route's own roles apply: ingest may reach customers, not the timeline
        given().auth().oauth2(Tokens.forRole("ingest")).get("/api/customers/abc/timeline").then().statusCode(403);
    }

    @Test
    void anAnonymousRouteTakesNoTokenButLimitsEachClientAddress() {
        int ok = 0;
        int limited = 0;
        for (int i = 0; i < 8; i++) {
            var response = given().get("/api/public/invitations/t" + i).then().extract();
            if (response.statusCode() == 200) {
                ok++;
                assertNull(response.path("authorization"));
            } else {
                assertEquals(429, response.statusCode());
                assertEquals("application/problem+json", response.contentType());
                assertTrue(Integer.parseInt(response.header("Retry-After")) >= 1);
                limited++;
            }
        }
        // 5 a minute; a minute boundary between two requests may allow a few more, never all 8
        assertTrue(ok >= 5 && limited >= 1, ok + " passed, " + limited + " limited");
    }
}
