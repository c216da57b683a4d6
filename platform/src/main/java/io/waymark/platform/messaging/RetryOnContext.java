package io.waymark.platform.messaging;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.waymark.platform.errors.DatabaseFailures;
import java.time.Duration;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Runs a database attempt again while it fails for a passing reason (by SQLSTATE, a lost connection, or a
 * lost optimistic-lock race), with back-off, on the message's own Vert.x context: Hibernate Reactive sessions
 * and the reactive client's connections are bound to it (Mutiny's own {@code retry().withBackOff()} resubscribes
 * on a worker thread, where every retry failed). At most {@link ConsumerConfig#maxAttempts()} attempts.
 */
final class RetryOnContext {

    private static final Logger LOG = Logger.getLogger(RetryOnContext.class);

    private RetryOnContext() {
    }

    static boolean isPassing(Throwable failure) {
        return DatabaseFailures.isTransient(failure) || DatabaseFailures.isConcurrentUpdate(failure);
    }

    /**
     * @param what      names the work in the log, e.g. "event 0194... (io.waymark.customer.created.v1)"
     * @param onRetried called before each further attempt (metrics)
     */
    static <T> Uni<T> run(Supplier<Uni<T>> attempt, Context context, ConsumerConfig config, String consumer,
                          String what, IntConsumer onRetried) {
        return run(attempt, context, config, consumer, what, onRetried, 1);
    }

    private static <T> Uni<T> run(Supplier<Uni<T>> attempt, Context context, ConsumerConfig config, String consumer,
                                  String what, IntConsumer onRetried, int n) {
        return Uni.createFrom().deferred(attempt::get)
                .onFailure(e -> isPassing(e) && n < config.maxAttempts())
                .recoverWithUni(e -> {
                    Duration delay = config.backoff(n);
                    onRetried.accept(n);
                    LOG.warnf("%s: %s not applied (attempt %d of %d: %s); again in %d ms", consumer, what, n,
                            config.maxAttempts(), e.getMessage(), delay.toMillis());
                    return after(context, delay).flatMap(ignored ->
                            run(attempt, context, config, consumer, what, onRetried, n + 1));
                });
    }

    /** Completes on {@code context} after {@code delay}: the next attempt runs where the session may be used. */
    static Uni<Void> after(Context context, Duration delay) {
        return Uni.createFrom().emitter(emitter -> context.owner().setTimer(Math.max(1, delay.toMillis()),
                id -> context.runOnContext(ignored -> emitter.complete(null))));
    }
}
