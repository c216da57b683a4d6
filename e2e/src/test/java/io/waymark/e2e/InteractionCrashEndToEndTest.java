package io.waymark.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.waymark.devstack.Settings;
import io.waymark.devstack.TestStack;
import io.waymark.simulator.ConsumerLag;
import io.waymark.testing.TestDatabase;
import io.waymark.testing.Tokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * journey-service is killed with SIGKILL while clients send interactions through the gateway, and started
 * again. Every interaction it acknowledged (accepted, or duplicate of an accepted one) is stored, none twice.
 * Clients send a batch that got no answer again, with the same ids, as a real client would.
 */
class InteractionCrashEndToEndTest extends ThroughTheGateway {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CLIENTS = 3;
    private static final int BATCH = 200;
    private static final String STORE_GROUP = "journey-service-store-test";
    /**
     * Rows of the acknowledged ids, by a hash join: {@code id = any(array)} on the table (no index on id alone) tests
     * every row against the whole array, minutes once earlier tests have stored a few hundred thousand rows.
     */
    private static final String STORED = "select count(*) from interaction i join unnest(?::uuid[]) as a(id) on a.id = i.id";
    private static final String STORED_DISTINCT =
            "select count(distinct i.id) from interaction i join unnest(?::uuid[]) as a(id) on a.id = i.id";
    private static final String TOPIC = "test.journey.interactions";

    private final Set<UUID> acknowledged = ConcurrentHashMap.newKeySet();
    private final Set<UUID> sent = ConcurrentHashMap.newKeySet();
    private final ConcurrentLinkedQueue<String> unanswered = new ConcurrentLinkedQueue<>();
    private final AtomicInteger failures = new AtomicInteger();

    private static String batch(List<UUID> customers, Set<UUID> sent) throws Exception {
        List<Map<String, Object>> items = new ArrayList<>();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        for (int i = 0; i < BATCH; i++) {
            UUID id = UUID.randomUUID();
            sent.add(id);
            Map<String, Object> item = new HashMap<>();
            item.put("id", id.toString());
            item.put("customerId", customers.get(i % customers.size()).toString());
            item.put("type", "page_view");
            item.put("channel", "web");
            item.put("occurredAt", now.minusSeconds(i).toString());
            item.put("properties", Map.of("n", i));
            items.add(item);
        }
        return JSON.writeValueAsString(items);
    }

    /** Sends a batch and notes the ids it acknowledged; false when it got no answer (the caller sends it again). */
    private boolean send(HttpClient http, String gateway, String body) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(gateway + "/api/interactions"))
                    .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + Tokens.forRole("ingest"))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 202) {
                failures.incrementAndGet();
                return false;
            }
            for (JsonNode result : JSON.readTree(response.body()).path("results")) {
                String status = result.path("status").asText();
                if (status.equals("accepted") || status.equals("duplicate")) {
                    acknowledged.add(UUID.fromString(result.path("id").asText()));
                } else if (!result.path("retryable").asBoolean(false)) {
                    throw new AssertionError("a good item was refused: " + result);
                }
            }
            return true;
        } catch (java.io.IOException e) {
            failures.incrementAndGet();
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Test
    void noAcknowledgedInteractionIsLostAndNoneIsStoredTwiceWhenJourneyServiceIsKilled() throws Exception {
        Settings settings = TestStack.startAppsForEndToEnd();
        String gateway = settings.serviceUrl("gateway");
        // the store starts caught up, so what is measured is this test's load (earlier tests may leave a backlog)
        try (ConsumerLag lag = new ConsumerLag(settings.kafkaBootstrap())) {
            long before = lag.lag(STORE_GROUP, TOPIC);
            Duration took = lag.awaitCaughtUp(STORE_GROUP, TOPIC, Duration.ofMinutes(5))
                    .orElseThrow(() -> new AssertionError("journey-service's store did not catch up with " + TOPIC
                            + " in 5 minutes (lag " + lag.lag(STORE_GROUP, TOPIC) + ")"));
            System.out.println("the store caught up with a backlog of " + before + " in " + took.toMillis() + " ms");
        }
        List<UUID> customers = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            customers.add(UUID.randomUUID());
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        AtomicBoolean producing = new AtomicBoolean(true);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        for (int c = 0; c < CLIENTS; c++) {
            clients.submit(() -> {
                while (producing.get() || !unanswered.isEmpty()) {
                    String retry = unanswered.poll();
                    String body = retry != null ? retry : producing.get() ? batch(customers, sent) : null;
                    if (body != null && !send(http, gateway, body)) {
                        unanswered.add(body);
                        Thread.sleep(300);
                    }
                }
                return null;
            });
        }
        Thread.sleep(3000);
        TestStack.killAndRestartForEndToEnd("journey");
        Thread.sleep(3000);
        producing.set(false);
        clients.shutdown();
        assertTrue(clients.awaitTermination(120, java.util.concurrent.TimeUnit.SECONDS), "the clients finished");

        assertTrue(failures.get() > 0, "the kill was felt: some requests got no answer");
        assertTrue(acknowledged.size() > 2 * BATCH, "load ran before and after: " + acknowledged.size());
        assertEquals(sent.size(), acknowledged.size(), "every batch was sent again until answered");
        String ids = "{" + String.join(",", acknowledged.stream().map(UUID::toString).toList()) + "}";
        // the killed instance keeps its partitions until its Kafka session times out (45 s), then the store catches up
        try {
            await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofSeconds(1)).until(() ->
                    TestDatabase.count("journey_test", STORED, ids)
                            >= acknowledged.size());
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            try (ConsumerLag lag = new ConsumerLag(settings.kafkaBootstrap())) {
                throw new AssertionError("stored " + TestDatabase.count("journey_test",
                        STORED, ids) + " of " + acknowledged.size()
                        + " acknowledged after 150 s; the store's lag: " + lag.lag(STORE_GROUP, TOPIC), e);
            }
        }
        assertEquals(acknowledged.size(), TestDatabase.count("journey_test",
                STORED, ids), "each stored exactly once");
        assertEquals(acknowledged.size(), TestDatabase.count("journey_test",
                STORED_DISTINCT, ids));
    }
}
