package io.waymark.journey;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.waymark.devstack.DevstackTestResource;
import io.waymark.devstack.StandardEndpointsContract;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(DevstackTestResource.class)
class JourneyServiceTest extends StandardEndpointsContract {

    @Inject
    DataSource db;

    @Test
    void migratedItsOwnDatabase() throws Exception {
        try (Connection c = db.getConnection();
             ResultSet rs = c.createStatement().executeQuery(
                     "select current_database(), to_regclass('outbox_event') is not null, to_regclass('inbox_event') is not null")) {
            assertTrue(rs.next());
            assertTrue(rs.getString(1).equals("journey_test"), "runs on its own database, not " + rs.getString(1));
            assertTrue(rs.getBoolean(2) && rs.getBoolean(3), "outbox and inbox tables exist");
        }
    }
}
