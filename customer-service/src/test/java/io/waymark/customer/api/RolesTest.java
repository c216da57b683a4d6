package io.waymark.customer.api;

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
 * Every endpoint refuses a role it does not allow with 403 problem+json, before looking at the request: reading
 * customers is for admin, agent, analyst; writing for admin, agent, ingest (identify); rules and merges for admin.
 */
@QuarkusTest
@WithTestResource(DevstackTestResource.class)
class RolesTest {

    private static final String ID = UUID.randomUUID().toString();

    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of("ingest", "GET", "/customers", null),
                Arguments.of("designer", "GET", "/customers/" + ID, null),
                Arguments.of("analyst", "POST", "/customers", "{}"),
                Arguments.of("analyst", "PATCH", "/customers/" + ID, "{}"),
                Arguments.of("agent", "DELETE", "/customers/" + ID, null),
                Arguments.of("analyst", "POST", "/customers/identify", "{}"),
                Arguments.of("agent", "POST", "/customers/" + ID + "/merge", "{}"),
                Arguments.of("analyst", "PUT", "/customers/" + ID + "/consents/surveys", "{}"),
                Arguments.of("ingest", "GET", "/customers/" + ID + "/consents/history", null),
                Arguments.of("analyst", "POST", "/customers/" + ID + "/stage-transitions", "{}"),
                Arguments.of("ingest", "GET", "/customers/" + ID + "/stage-transitions", null),
                Arguments.of("analyst", "GET", "/customers/" + ID + "/export", null),
                Arguments.of("agent", "GET", "/lifecycle-rules", null),
                Arguments.of("agent", "GET", "/lifecycle-rules/" + ID, null),
                Arguments.of("analyst", "POST", "/lifecycle-rules", "{}"),
                Arguments.of("analyst", "PUT", "/lifecycle-rules/" + ID, "{}"),
                Arguments.of("analyst", "DELETE", "/lifecycle-rules/" + ID, null),
                Arguments.of("agent", "POST", "/lifecycle-rules/test", "{}"),
                Arguments.of("ingest", "POST", "/segments/preview", "{}"),
                Arguments.of("agent", "POST", "/segments", "{}"),
                Arguments.of("ingest", "GET", "/segments", null),
                Arguments.of("ingest", "GET", "/segments/" + ID, null),
                Arguments.of("agent", "DELETE", "/segments/" + ID, null),
                Arguments.of("ingest", "GET", "/segments/" + ID + "/members", null),
                Arguments.of("admin", "GET", "/privacy/customers/" + ID, null));
    }

    @ParameterizedTest(name = "{0} {1} {2} is 403")
    @MethodSource("refusals")
    void aRoleTheEndpointDoesNotAllowIs403(String role, String method, String path, String body) {
        var request = given().auth().oauth2(Tokens.forRole(role));
        if (body != null) {
            request = request.contentType(path.endsWith("/" + ID) && method.equals("PATCH")
                    ? "application/merge-patch+json" : ContentType.JSON.toString()).body(body);
        }
        request.request(method, path).then().statusCode(403).contentType("application/problem+json")
                .body("status", equalTo(403));
    }
}
