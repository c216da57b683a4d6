package io.waymark.devstack;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.common.errors.GroupIdNotFoundException;

/**
 * Rebuilds analytics-service's read models from the topics (docs/decisions/012-journey-analytics.md): the
 * service stops, its consumer group's offsets are forgotten, its tables (inbox included) are emptied, and it
 * starts again, reading every topic from its earliest record. Also how a new read model is back-filled.
 * Interrupted half-way, it is simply run again.
 */
final class Rebuild {

    /** The app's name in the service list (its module is analytics-service). */
    static final String SERVICE = "analytics";
    static final String GROUP = "analytics-service";
    static final String DATABASE = "analytics";

    private final Settings settings;
    private final Apps apps;

    Rebuild(Settings settings) {
        this.settings = settings;
        this.apps = new Apps(settings);
    }

    void run() {
        boolean stopped = apps.stopOne(SERVICE);
        if (apps.isUp(SERVICE)) {
            throw new IllegalStateException(SERVICE + " answers on " + settings.serviceUrl(SERVICE)
                    + " but was not started by ./waymark up: stop it, then run the rebuild again");
        }
        forgetOffsets();
        int tables = emptyTables();
        Proc.say("emptied " + tables + " tables of database " + DATABASE + "; offsets of group " + GROUP + " forgotten");
        if (stopped) {
            apps.startOne(SERVICE);
            Proc.say(SERVICE + " reads the topics from their beginning (log: " + settings.logs() + "); "
                    + "its consumer lag shows the progress");
        } else {
            Proc.say("start " + SERVICE + ": it will read the topics from their beginning");
        }
    }

    private void forgetOffsets() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.kafkaBootstrap()))) {
            Proc.await("consumer group " + GROUP + " to be empty", () -> members(admin) == 0, Duration.ofSeconds(90),
                    java.util.Optional.empty(), apps.logFile(SERVICE));
            try {
                admin.deleteConsumerGroups(List.of(GROUP)).all().get();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof GroupIdNotFoundException)) {
                    throw new IllegalStateException("cannot delete consumer group " + GROUP + ": " + e.getCause(), e);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int members(Admin admin) {
        try {
            ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(GROUP)).all().get().get(GROUP);
            return group == null ? 0 : group.members().size();
        } catch (ExecutionException e) {
            return e.getCause() instanceof GroupIdNotFoundException ? 0 : Integer.MAX_VALUE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Integer.MAX_VALUE;
        }
    }

    /**
     * Every read model and the inbox, in one statement (so none is left half-emptied). Kept: Flyway's history, the
     * outbox (band changes not yet published are facts already announced), the trained churn models (artifacts
     * with their own versions, not read models) and the churn scores (the bands already announced, with their
     * versions: emptied, the next scoring would announce every band again).
     */
    private int emptyTables() {
        String url = "jdbc:postgresql://" + settings.host() + ":" + settings.pgPort() + "/" + DATABASE;
        try (Connection c = DriverManager.getConnection(url, Settings.PG_SUPERUSER, Settings.PG_SUPERUSER_PASSWORD);
             Statement st = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("select quote_ident(tablename) from pg_tables where schemaname = 'public' "
                    + "and tablename not in ('flyway_schema_history', 'outbox_event', 'churn_model', 'churn_score')")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            if (!tables.isEmpty()) {
                st.execute("truncate " + String.join(", ", tables));
            }
            return tables.size();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot empty the tables of " + DATABASE + ": " + e.getMessage(), e);
        }
    }
}
