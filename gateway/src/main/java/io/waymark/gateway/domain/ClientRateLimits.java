package io.waymark.gateway.domain;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * Requests per minute per route and client address, for routes that take callers without a token: a fixed
 * one-minute window per client. Counts live in this gateway instance only; with several replicas a client
 * may get that many per replica, which still bounds it. Memory is bounded: the windows of a past minute are
 * dropped when the next one starts.
 */
@ApplicationScoped
public class ClientRateLimits {

    private static final long MINUTE_MS = 60_000;

    private final LongSupplier clock;
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private volatile long window;

    ClientRateLimits() {
        this(System::currentTimeMillis);
    }

    ClientRateLimits(LongSupplier clock) {
        this.clock = clock;
    }

    /** Counts one request; empty when it may go on, else the seconds until the client may try again. */
    public OptionalLong take(String route, String client, int perMinute) {
        long now = clock.getAsLong();
        long current = now / MINUTE_MS;
        if (current != window) {
            synchronized (this) {
                if (current != window) {
                    counts.clear();
                    window = current;
                }
            }
        }
        int n = counts.computeIfAbsent(route + " " + client, k -> new AtomicInteger()).incrementAndGet();
        if (n <= perMinute) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Math.max(1, ((current + 1) * MINUTE_MS - now + 999) / 1000));
    }
}
