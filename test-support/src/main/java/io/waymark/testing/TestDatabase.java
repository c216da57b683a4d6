package io.waymark.testing;

import io.waymark.devstack.Settings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The devstack's PostgreSQL as its superuser, for tests that must break the database on purpose (a service
 * losing its connections) or read what the service wrote.
 */
public final class TestDatabase {

    private TestDatabase() {
    }

    public static Connection superuser(String database) throws SQLException {
        Settings s = Settings.load();
        return DriverManager.getConnection("jdbc:postgresql://" + s.host() + ":" + s.pgPort() + "/" + database,
                Settings.PG_SUPERUSER, Settings.PG_SUPERUSER_PASSWORD);
    }

    /**
     * Takes the database away from {@code role}: new connections are refused (too many connections, SQLSTATE
     * 53300) and the open ones are ended (admin shutdown, 57P01), as when a database restarts or fails over.
     */
    public static void cutOff(String role) throws SQLException {
        try (Connection c = superuser("postgres")) {
            c.createStatement().execute("alter role " + role + " connection limit 0");
            try (PreparedStatement st = c.prepareStatement(
                    "select pg_terminate_backend(pid) from pg_stat_activity where usename = ?")) {
                st.setString(1, role);
                st.execute();
            }
        }
    }

    public static void restore(String role) throws SQLException {
        try (Connection c = superuser("postgres")) {
            c.createStatement().execute("alter role " + role + " connection limit -1");
        }
    }

    /** The first column of the first row of {@code sql} run on {@code database}, as a long. */
    public static long count(String database, String sql, Object... params) throws SQLException {
        try (Connection c = superuser(database); PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                st.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
