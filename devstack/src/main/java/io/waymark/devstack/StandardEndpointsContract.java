package io.waymark.devstack;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * What every Waymark service must serve, checked against the real devstack: its own migrated database,
 * readiness that covers that database and Kafka, liveness, its OpenAPI document and Prometheus metrics.
 * A service's test extends this class and adds {@code @QuarkusTest @WithTestResource(DevstackTestResource.class)}.
 */
public abstract class StandardEndpointsContract {

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

    @Test
    void readinessCoversTheDatabaseAndKafka() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Database")))
                .body("checks.name", hasItem(containsString("Kafka")));
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
}
