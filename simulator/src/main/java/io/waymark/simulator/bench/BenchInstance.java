package io.waymark.simulator.bench;

import io.waymark.devstack.Settings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A second analytics-service, from the jar ./waymark up runs, reading the benchmark's own topics
 * ({@code bench.*}, group {@code analytics-bench}) into its own database: the benchmark's data never mixes with
 * the stack's, and the other services do not consume it.
 */
final class BenchInstance implements AutoCloseable {

    static final String DATABASE = "analytics_bench";
    static final String GROUP = "analytics-bench";
    private static final Map<String, String> CHANNELS = Map.of("CUSTOMER_EVENTS", "customer.events", "JOURNEY_MAPS",
            "journey.maps", "JOURNEY_INTERACTIONS", "journey.interactions", "FEEDBACK_EVENTS", "feedback.events");

    private final Process process;
    final String url;
    final Path log;

    BenchInstance(Settings settings, String topicPrefix, int port) throws IOException {
        Path jar = settings.root().resolve("analytics-service/target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("build first (./mvnw package -DskipTests): no " + jar);
        }
        Map<String, String> env = new HashMap<>();
        settings.infrastructureConfig().forEach((k, v) -> env.put(Settings.envName(k), v));
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("WAYMARK_DB_NAME", DATABASE);
        CHANNELS.forEach((channel, topic) -> {
            String prefix = "MP_MESSAGING_INCOMING_" + channel + "_";
            env.put(prefix + "TOPIC", topicPrefix + topic);
            env.put(prefix + "GROUP_ID", GROUP);
            env.put(prefix + "DEAD_LETTER_QUEUE_TOPIC", topicPrefix + "analytics." + topic + ".dlq");
        });
        this.url = "http://127.0.0.1:" + port;
        this.log = settings.logs().resolve("analytics-bench.log");
        Files.createDirectories(log.getParent());
        ProcessBuilder pb = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms64m", "-Xmx256m", "-XX:+UseSerialGC", "-jar", jar.toString()))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(env);
        this.process = pb.start();
    }

    long pid() {
        return process.pid();
    }

    void awaitReady(Duration timeout) throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the benchmark's analytics-service exited; see " + log);
            }
            try {
                var response = http.send(HttpRequest.newBuilder(URI.create(url + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the benchmark's analytics-service was not ready in " + timeout + "; see " + log);
    }

    /** Resident memory now and at its peak, in MiB (Linux). */
    String memory() {
        try {
            List<String> status = Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"));
            return "RSS " + kib(status, "VmRSS") / 1024 + " MiB, peak " + kib(status, "VmHWM") / 1024 + " MiB";
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    private static long kib(List<String> status, String key) {
        return status.stream().filter(l -> l.startsWith(key + ":")).map(l -> l.replaceAll("\\D", ""))
                .mapToLong(Long::parseLong).findFirst().orElse(0);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
