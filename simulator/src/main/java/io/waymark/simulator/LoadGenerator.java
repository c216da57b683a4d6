package io.waymark.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends interaction batches to {@code POST /api/interactions} through the gateway from a few concurrent clients,
 * at a target rate (0: as fast as they are answered) for a bounded time and count, and measures what came back:
 * accepted per second and the time until each batch was acknowledged.
 */
public final class LoadGenerator {

    /** What to send: target interactions per second (0 = unpaced), for how long, at most how many. */
    public record Options(String gatewayUrl, String keycloakUrl, int rate, Duration duration, long maxCount, int batch,
                          int clients, int customers) {

        public Options {
            if (!gatewayUrl.matches("http://(127\\.0\\.0\\.1|localhost)(:\\d+)?/?")) {
                throw new IllegalArgumentException("the load generator sends to loopback only, not " + gatewayUrl);
            }
            if (duration.compareTo(Duration.ofMinutes(30)) > 0 || maxCount > 100_000_000L || batch < 1 || batch > 1000
                    || clients < 1 || clients > 64) {
                throw new IllegalArgumentException("bounds: duration <= 30 min, count <= 100,000,000, batch 1-1000, clients 1-64");
            }
        }
    }

    private final Options options;
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong failedRequests = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong lastAckNanos = new AtomicLong();
    private final List<Long> ackNanos = Collections.synchronizedList(new ArrayList<>());

    private final TrafficSource batches;

    /** Random traffic: {@code options.customers()} made-up customer ids, a few common types (the benchmark's). */
    public LoadGenerator(Options options) {
        this(options, randomTraffic(options.customers()));
    }

    public LoadGenerator(Options options, TrafficSource traffic) {
        this.options = options;
        this.batches = traffic;
    }

    static TrafficSource randomTraffic(int customers) {
        List<UUID> ids = new ArrayList<>();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < customers; i++) {
            ids.add(InteractionBatches.randomId(random));
        }
        return new InteractionBatches(ids);
    }

    public LoadReport run() throws InterruptedException {
        TokenSource token = TokenSource.ingest(options.keycloakUrl());
        token.get();
        URI target = URI.create(options.gatewayUrl().replaceAll("/$", "") + "/api/interactions");
        long start = System.nanoTime();
        long deadline = start + options.duration().toNanos();
        long interval = options.rate() <= 0 ? 0 : 1_000_000_000L * options.batch() / options.rate();
        AtomicLong nextSlot = new AtomicLong(start);
        ExecutorService clients = Executors.newFixedThreadPool(options.clients());
        for (int c = 0; c < options.clients(); c++) {
            clients.submit(() -> {
                while (true) {
                    long slot = interval == 0 ? System.nanoTime() : nextSlot.getAndAdd(interval);
                    if (slot >= deadline || sent.addAndGet(options.batch()) > options.maxCount()) {
                        return;
                    }
                    long wait = slot - System.nanoTime();
                    if (wait > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    send(target, token, batches.next(options.batch()));
                }
            });
        }
        clients.shutdown();
        clients.awaitTermination(options.duration().toSeconds() + 120, TimeUnit.SECONDS);
        long end = System.nanoTime();
        return new LoadReport(accepted.get(), duplicates.get(), rejected.get(), failedRequests.get(),
                (end - start) / 1e9, List.copyOf(ackNanos), lastAckNanos.get() == 0 ? end : lastAckNanos.get(),
                accepted.get() == 0 ? 0 : bytes.get() / Math.max(1, accepted.get() + duplicates.get() + rejected.get()));
    }

    private void send(URI target, TokenSource token, String body) {
        long t0 = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + token.get())
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            long t1 = System.nanoTime();
            if (response.statusCode() != 202) {
                failedRequests.incrementAndGet();
                return;
            }
            JsonNode answer = json.readTree(response.body());
            accepted.addAndGet(answer.path("accepted").asLong());
            duplicates.addAndGet(answer.path("duplicates").asLong());
            rejected.addAndGet(answer.path("rejected").asLong());
            bytes.addAndGet(body.length());
            ackNanos.add(t1 - t0);
            lastAckNanos.accumulateAndGet(t1, Math::max);
        } catch (IOException e) {
            failedRequests.incrementAndGet();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
