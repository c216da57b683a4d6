package io.waymark.platform.errors;

import java.net.ConnectException;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * Tells database failures apart by SQLSTATE (never by message text): a unique violation is the caller's
 * conflict, a lost or refused connection, a deadlock or an operator's shutdown will pass, and data or
 * schema errors will not.
 */
public final class DatabaseFailures {

    /** SQLSTATE classes that a retry can outlive: connection (08), transaction rollback (40), resources (53), operator intervention (57), system (58). */
    private static final Set<String> TRANSIENT_CLASSES = Set.of("08", "40", "53", "57", "58");
    /** lock_not_available, object_in_use: someone else holds what we need, for now. */
    private static final Set<String> TRANSIENT_STATES = Set.of("55P03", "55006");

    private DatabaseFailures() {
    }

    /** The SQLSTATE of the first database error in the cause chain, if any. */
    public static Optional<String> sqlState(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String state = null;
            if (t instanceof io.vertx.pgclient.PgException pg) {
                state = pg.getSqlState();
            } else if (t instanceof SQLException sql) {
                state = sql.getSQLState();
            } else if (t instanceof org.hibernate.JDBCException jdbc) {
                state = jdbc.getSQLState();
            }
            if (state != null) {
                return Optional.of(state);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return Optional.empty();
    }

    public static boolean isUniqueViolation(Throwable failure) {
        return sqlState(failure).filter("23505"::equals).isPresent();
    }

    /**
     * Two writers changed the same version at once and this one lost (Hibernate's {@code @Version} check): an
     * HTTP caller must read again (412); a consumer applies its event again in a new transaction.
     */
    public static boolean isConcurrentUpdate(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof org.hibernate.StaleStateException || t instanceof jakarta.persistence.OptimisticLockException) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /**
     * True when the database is unreachable or busy rather than the statement wrong: a SQLSTATE of a
     * transient class, or no SQLSTATE at all but a connection that could not be made, was closed or timed out.
     */
    public static boolean isTransient(Throwable failure) {
        Optional<String> state = sqlState(failure);
        if (state.isPresent()) {
            String s = state.get();
            return TRANSIENT_STATES.contains(s) || (s.length() == 5 && TRANSIENT_CLASSES.contains(s.substring(0, 2)));
        }
        return isConnectionFailure(failure);
    }

    /**
     * The Vert.x SQL client reports a connection it lost (a backend terminated, a pooled connection found
     * closed on use) with plain throwables that carry no SQLSTATE, so their class and wording are all there is.
     */
    private static boolean isConnectionFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String name = t.getClass().getName();
            if (t instanceof ConnectException || t instanceof TimeoutException
                    || t instanceof java.nio.channels.ClosedChannelException
                    || name.startsWith("io.netty.channel.")
                    || name.equals("io.vertx.core.http.impl.NoStackTraceTimeoutException")
                    || name.equals("io.vertx.sqlclient.ClosedConnectionException")
                    || (isVertxThrowable(t) && saysConnectionLost(t.getMessage()))) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private static boolean isVertxThrowable(Throwable t) {
        return t instanceof io.vertx.core.VertxException || t instanceof io.vertx.core.impl.NoStackTraceThrowable;
    }

    private static boolean saysConnectionLost(String message) {
        String m = String.valueOf(message).toLowerCase(java.util.Locale.ROOT);
        return m.contains("closed") || m.contains("not active") || m.contains("timeout")
                || m.contains("connection refused");
    }
}
