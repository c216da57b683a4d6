package io.waymark.simulator;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Batches of interactions as a website's collector sends them, written straight to JSON (the generator must
 * cost far less than what it measures): fresh ids, customers from a pool, a few common types. The interaction
 * benchmark's traffic ({@code --traffic random}); {@link WorldTraffic} replays a simulated world instead.
 */
final class InteractionBatches implements TrafficSource {

    private static final List<String> TYPES = List.of("page_view", "page_view", "page_view", "search", "add_to_cart",
            "checkout_started", "support_chat", "email_opened");
    private static final List<String> CHANNELS = List.of("web", "web", "mobile_app", "email", "chat");

    private final List<UUID> customers;

    InteractionBatches(List<UUID> customers) {
        this.customers = customers;
    }

    /** A random UUID of version 4 from a fast, non-cryptographic source (ids only need to be unique). */
    static UUID randomId(ThreadLocalRandom random) {
        long high = (random.nextLong() & 0xFFFFFFFFFFFF0FFFL) | 0x0000000000004000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low);
    }

    @Override
    public String next(int size) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String now = Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
        StringBuilder json = new StringBuilder(size * 260).append('[');
        for (int i = 0; i < size; i++) {
            if (i > 0) {
                json.append(',');
            }
            json.append("{\"id\":\"").append(randomId(random))
                    .append("\",\"customerId\":\"").append(customers.get(random.nextInt(customers.size())))
                    .append("\",\"type\":\"").append(TYPES.get(random.nextInt(TYPES.size())))
                    .append("\",\"channel\":\"").append(CHANNELS.get(random.nextInt(CHANNELS.size())))
                    .append("\",\"occurredAt\":\"").append(now)
                    .append("\",\"properties\":{\"path\":\"/products/").append(random.nextInt(500))
                    .append("\",\"durationMs\":").append(random.nextInt(60_000)).append("}}");
        }
        return json.append(']').toString();
    }
}
