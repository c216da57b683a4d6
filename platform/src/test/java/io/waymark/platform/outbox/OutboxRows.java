package io.waymark.platform.outbox;

import io.waymark.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Outbox rows written and read straight in the platform's test database, as a service's transaction would. */
final class OutboxRows {

    static final String DATABASE = "platform_test";

    private OutboxRows() {
    }

    /** Inserts a row (the table's trigger wakes the relay on commit); returns its id. */
    static long insert(String topic, String key, String payload) throws SQLException {
        try (Connection c = TestDatabase.superuser(DATABASE); PreparedStatement st = c.prepareStatement(
                "insert into outbox_event (event_id, topic, message_key, type, payload, created_at) "
                        + "values (?, ?, ?, 'io.waymark.test.v1', ?, now()) returning id")) {
            st.setObject(1, UUID.randomUUID());
            st.setString(2, topic);
            st.setString(3, key);
            st.setString(4, payload);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    static OffsetDateTime timestamp(long id, String column) throws SQLException {
        try (Connection c = TestDatabase.superuser(DATABASE);
             PreparedStatement st = c.prepareStatement("select " + column + " from outbox_event where id = ?")) {
            st.setLong(1, id);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? rs.getObject(1, OffsetDateTime.class) : null;
            }
        }
    }

    static void execute(String sql) throws SQLException {
        try (Connection c = TestDatabase.superuser(DATABASE)) {
            c.createStatement().execute(sql);
        }
    }
}
