package io.waymark.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * What every Waymark service must serve, checked against the real devstack: its own migrated database,
 * readiness that covers that database and Kafka, liveness, its OpenAPI document and Prometheus metrics.
 * A service's test extends this class and adds {@code @QuarkusTest @WithTestResource(DevstackTestResource.class)}.
 * The problem+json answers of the HTTP layer itself (405, 413, 414, 415, 431) are checked here too.
 */
public abstract class StandardEndpointsContract {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void runsOnItsOwnMigratedDatabase() throws Exception {
        Config config = ConfigProvider.getConfig();
        try (Connection c = DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
             ResultSet rs = c.createStatement().executeQuery("select current_database(), "
                     + "to_regclass('outbox_event') is not null, to_regclass('inbox_event') is not null")) {
            assertTrue(rs.next());
            assertEquals(config.getValue("waymark.db.name", String.class), rs.getString(1));
            assertTrue(rs.getBoolean(2) && rs.getBoolean(3), "the platform's outbox and inbox tables exist");
        }
    }

    /**
     * Readiness covers the database and the outbox backlog; Kafka is not in a producer's readiness, since
     * the outbox absorbs writes while the broker is away (consumers add Kafka themselves).
     */
    @Test
    void readinessCoversTheDatabaseAndTheOutbox() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Database")))
                .body("checks.find { it.name == 'Outbox' }.data.backlog", notNullValue());
    }

    @Test
    void isLive() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void publishesItsOpenApiDocument() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("openapi", containsString("3."))
                .body("info.title", containsString("Waymark"));
    }

    @Test
    void exposesPrometheusMetrics() {
        given().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
    }

    /** A collection this service serves (GET with a token), for the 405 and 415 checks; null when it has none yet. */
    protected String collectionPath() {
        return null;
    }

    /** A role that may read {@link #collectionPath()}. */
    protected String readerRole() {
        return "admin";
    }

    @Test
    void oversizedRequestsAreProblems() {
        given().queryParam("q", "x".repeat(9000)).get("/q/health/live").then().statusCode(414)
                .contentType(PROBLEM).body("status", equalTo(414));
        given().header("X-Padding", "x".repeat(17 * 1024)).get("/q/health/live").then().statusCode(431)
                .contentType(PROBLEM).body("status", equalTo(431));
        given().contentType("application/json").body("[" + "1,".repeat(140 * 1024) + "1]")
                .post(collectionPath() != null ? collectionPath() : "/anything").then().statusCode(413)
                .contentType(PROBLEM).body("status", equalTo(413));
    }

    @Test
    void wrongMethodsAndMediaTypesAreProblems() {
        Assumptions.assumeTrue(collectionPath() != null, "no collection yet");
        String token = Tokens.forRole(readerRole());
        given().auth().oauth2(token).delete(collectionPath()).then().statusCode(405)
                .contentType(PROBLEM).body("status", equalTo(405));
        given().auth().oauth2(token).contentType("text/plain").body("hello").post(collectionPath())
                .then().statusCode(415).contentType(PROBLEM).body("status", equalTo(415));
        given().auth().oauth2(token).queryParam("limit", "abc").get(collectionPath()).then().statusCode(400)
                .contentType(PROBLEM).body("violations.field", hasItem("limit"));
    }
}
