package io.waymark.simulator.api;

import io.waymark.simulator.ConsumerLag;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Waiting for the product to have applied what was sent, where the next step depends on it: journey-service
 * knowing every anonymous id's customer before their interactions come (so it records them as the customer's),
 * customer-service having moved every customer before their answers come (a promoter's answer moves only a
 * customer already in RETENTION). The first is read from Kafka's consumer lag (journey-service says it nowhere
 * else); the second through the API: the world's customers per stage, as a segment preview counts them.
 */
final class Waits {

    /** The topic and consumer-group names of the apps' profile: "" for ./waymark up, "test" for the tests' apps. */
    record Streams(String profile) {

        String topic(String name) {
            return profile.isEmpty() ? name : profile + "." + name;
        }

        String group(String name) {
            return profile.isEmpty() ? name : name + "-" + profile;
        }
    }

    private final Gateway gateway;
    private final String kafkaBootstrap;
    private final Streams streams;

    Waits(Gateway gateway, String kafkaBootstrap, Streams streams) {
        this.gateway = gateway;
        this.kafkaBootstrap = kafkaBootstrap;
        this.streams = streams;
    }

    /** Until journey-service has read every customer event so far (its aliases of anonymous ids). */
    void journeyServiceKnowsTheCustomers(Duration timeout) {
        try (ConsumerLag lag = new ConsumerLag(kafkaBootstrap)) {
            String group = streams.group("journey-service");
            String topic = streams.topic("customer.events");
            Optional<Duration> took = lag.awaitCaughtUp(group, topic, timeout);
            if (took.isEmpty()) {
                throw new IllegalStateException(group + " did not catch up with " + topic + " within " + timeout
                        + " (lag " + lag.lag(group, topic) + ")");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Until the world's customers are in the stages expected, stage by stage (every move applied). */
    void stagesAre(String namespace, Map<String, Long> expected, Duration timeout, Progress progress) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, Long> seen = new LinkedHashMap<>();
        while (System.nanoTime() < deadline) {
            seen.clear();
            for (String stage : expected.keySet()) {
                Map<String, Object> filter = Map.of("filter", "traits.world = \"" + namespace + "\" and stage = \"" + stage + "\"");
                Gateway.Answer count = Gateway.expect(gateway.post(WorldSetup.ANALYST, "/api/segments/preview", filter),
                        "count the world's customers in " + stage, 200);
                seen.put(stage, count.body().path("count").asLong());
            }
            if (seen.equals(expected)) {
                return;
            }
            progress.note("customers by stage " + seen);
            AnswerSender.sleep(1000);
        }
        throw new IllegalStateException("the world's customers are by stage " + seen + ", expected " + expected
                + " (customer-service did not apply every rule within " + timeout + ")");
    }
}
