package io.waymark.feedback.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.waymark.testing.DevstackTestResource;
import io.waymark.testing.Tokens;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every endpoint refuses a role it does not allow with 403 problem+json, and a missing token with 401: surveys
 * are written by designers and admins and read by analysts and agents too; answers come from ingest, invitations
 * from ingest, agents and admins; cases are for agents and admins.
 */
@QuarkusTest
@WithTestResource(DevstackTestResource.class)
class RolesTest {

    private static final String ID = UUID.randomUUID().toString();

    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of("analyst", "POST", "/surveys", "{}"),
                Arguments.of("agent", "POST", "/surveys", "{}"),
                Arguments.of("ingest", "GET", "/surveys", null),
                Arguments.of("ingest", "GET", "/surveys/" + ID, null),
                Arguments.of("agent", "PUT", "/surveys/" + ID, "{}"),
                Arguments.of("analyst", "POST", "/surveys/" + ID + "/activate", null),
                Arguments.of("agent", "POST", "/surveys/" + ID + "/close", null),
                Arguments.of("admin", "POST", "/surveys/" + ID + "/responses", "{}"),
                Arguments.of("agent", "POST", "/surveys/" + ID + "/responses", "{}"),
                Arguments.of("designer", "POST", "/surveys/" + ID + "/invitations", "{}"),
                Arguments.of("analyst", "POST", "/surveys/" + ID + "/invitations", "{}"),
                Arguments.of("ingest", "GET", "/surveys/" + ID + "/summary", null),
                Arguments.of("analyst", "GET", "/cases", null),
                Arguments.of("designer", "GET", "/cases/" + ID, null),
                Arguments.of("ingest", "PATCH", "/cases/" + ID, "{}"),
                Arguments.of("admin", "GET", "/privacy/customers/" + ID, null));
    }

    @ParameterizedTest(name = "{0} {1} {2} is 403")
    @MethodSource("refusals")
    void aRoleTheEndpointDoesNotAllowIs403(String role, String method, String path, String body) {
        var request = given().auth().oauth2(Tokens.forRole(role));
        if (body != null) {
            request = request.contentType(ContentType.JSON).body(body);
        }
        request.request(method, path).then().statusCode(403).contentType("application/problem+json")
                .body("status", equalTo(403));
    }

    @ParameterizedTest(name = "no token: {1} {2} is 401")
    @MethodSource("refusals")
    void withoutATokenEveryEndpointButThePublicOnesIs401(String role, String method, String path, String body) {
        var request = given();
        if (body != null) {
            request = request.contentType(ContentType.JSON).body(body);
        }
        request.request(method, path).then().statusCode(401).contentType("application/problem+json");
    }
}
