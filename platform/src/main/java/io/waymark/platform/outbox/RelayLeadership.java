package io.waymark.platform.outbox;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgConnection;
import io.vertx.pgclient.PgConnectOptions;
import org.jboss.logging.Logger;

/**
 * Which replica of a service relays: the one whose connection of its own holds the session advisory lock
 * {@link #RELAY_LOCK}. The lock lives as long as that connection, so a crash, a shutdown or a dropped
 * connection hands it on. The leader also LISTENs on {@link #CHANNEL}, where the outbox table's trigger
 * NOTIFYs when a transaction that wrote rows commits.
 */
final class RelayLeadership {

    static final String CHANNEL = "waymark_outbox";
    /** Any constant works; it only has to be the same for every replica of one service (one database). */
    static final long RELAY_LOCK = 0x5761796d61726bL;
    private static final Logger LOG = Logger.getLogger(RelayLeadership.class);

    private final Vertx vertx;
    private final PgConnectOptions options;
    private final Runnable onNotification;
    private volatile PgConnection connection;
    private volatile boolean leader;
    private volatile boolean closed;

    RelayLeadership(Vertx vertx, PgConnectOptions options, Runnable onNotification) {
        this.vertx = vertx;
        this.options = options;
        this.onNotification = onNotification;
    }

    /** The leader's connection, taking the lock if it is free; null while another replica holds it. */
    Uni<PgConnection> lead() {
        PgConnection current = connection;
        if (current != null && leader) {
            return Uni.createFrom().item(current);
        }
        Uni<PgConnection> conn = current != null ? Uni.createFrom().item(current) : connect();
        return conn.flatMap(c -> c.query("select pg_try_advisory_lock(" + RELAY_LOCK + ")").execute()
                .map(rows -> rows.iterator().next().getBoolean(0))
                .flatMap(won -> !won ? Uni.createFrom().nullItem()
                        : c.query("LISTEN " + CHANNEL).execute().invoke(() -> {
                            leader = true;
                            LOG.info("outbox relay: this instance relays (it holds the relay lock)");
                        }).replaceWith(c)));
    }

    boolean isLeader() {
        return leader && connection != null;
    }

    /** Gives the lock up by closing the connection; the next {@link #lead()} connects again. */
    void drop() {
        PgConnection c = connection;
        connection = null;
        leader = false;
        if (c != null) {
            c.closeAndForget();
        }
    }

    /** Drops the lock and takes none until {@link #open()}. */
    void close() {
        closed = true;
        drop();
    }

    void open() {
        closed = false;
    }

    private Uni<PgConnection> connect() {
        return PgConnection.connect(vertx, options).invoke(c -> {
            c.notificationHandler(notification -> onNotification.run());
            c.closeHandler(() -> {
                if (connection == c) {
                    connection = null;
                    leader = false;
                }
            });
            if (closed) {
                c.closeAndForget();
            } else {
                connection = c;
            }
        });
    }
}
