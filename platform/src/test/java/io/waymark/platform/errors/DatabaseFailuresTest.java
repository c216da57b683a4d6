package io.waymark.platform.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.pgclient.PgException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class DatabaseFailuresTest {

    private static PgException pg(String state) {
        return new PgException("message text that must not matter", "ERROR", state, null);
    }

    @Test
    void classifiesBySqlStateAnywhereInTheCauseChain() {
        assertTrue(DatabaseFailures.isUniqueViolation(new CompletionException(pg("23505"))));
        assertFalse(DatabaseFailures.isUniqueViolation(pg("23503")));
        assertEquals("40001", DatabaseFailures.sqlState(new RuntimeException(new SQLException("x", "40001"))).orElseThrow());
    }

    @Test
    void connectionLossBusyAndShutdownArePassing() {
        for (String state : new String[] {"08006", "40001", "40P01", "53300", "57P01", "55P03"}) {
            assertTrue(DatabaseFailures.isTransient(pg(state)), state);
        }
        assertTrue(DatabaseFailures.isTransient(new RuntimeException(new ConnectException("Connection refused"))));
    }

    @Test
    void aPooledConnectionFoundClosedOnUseIsPassing() {
        // what the Vert.x SQL client says when the pool hands out a connection whose backend was just terminated
        assertTrue(DatabaseFailures.isTransient(new CompletionException(
                new io.vertx.core.impl.NoStackTraceThrowable("Connection is not active now, current status: CLOSED"))));
        assertTrue(DatabaseFailures.isTransient(new io.vertx.core.VertxException(
                "Pending requests failed to be sent due to connection has been closed.")));
        assertFalse(DatabaseFailures.isTransient(new io.vertx.core.impl.NoStackTraceThrowable("Invalid value")));
    }

    @Test
    void aLostOptimisticLockRaceIsAConcurrentUpdateNotAnOutage() {
        RuntimeException lost = new CompletionException(new org.hibernate.StaleObjectStateException("Customer", 1L));
        assertTrue(DatabaseFailures.isConcurrentUpdate(lost));
        assertFalse(DatabaseFailures.isTransient(lost));
        assertTrue(DatabaseFailures.isConcurrentUpdate(new jakarta.persistence.OptimisticLockException("stale")));
        assertFalse(DatabaseFailures.isConcurrentUpdate(pg("40001")));
    }

    @Test
    void dataAndSchemaErrorsAreNot() {
        for (String state : new String[] {"23505", "22001", "42P01", "42501"}) {
            assertFalse(DatabaseFailures.isTransient(pg(state)), state);
        }
        assertFalse(DatabaseFailures.isTransient(new IllegalArgumentException("a bug")));
    }
}
