package io.waymark.simulator.bench;

import io.waymark.devstack.Settings;
import io.waymark.simulator.ConsumerLag;
import io.waymark.simulator.TokenSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * The journey-analytics benchmark (scripts/bench-analytics.sh): generates the population of {@link BenchWorld}
 * into the topics (as events) and into raw tables (as rows), lets a separate analytics-service instance apply
 * the events, then times every endpoint against the same answer computed by plain SQL over the raw rows.
 * <pre>
 *   AnalyticsBench [--customers 1000000] [--interactions 10000000] [--responses 200000] [--seed 7] [--calls 100]
 *                  [--plain-runs 3] [--port 8194] [--reuse true: time the endpoints on the last run's population]
 * </pre>
 */
public final class AnalyticsBench {

    private static final String PREFIX = "bench.";

    private AnalyticsBench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = options(args);
        Settings settings = Settings.load();
        Instant now = Instant.now();
        BenchWorld world = new BenchWorld(new BenchWorld.Options(Integer.parseInt(o.getOrDefault("customers", "1000000")),
                Long.parseLong(o.getOrDefault("interactions", "10000000")), Integer.parseInt(o.getOrDefault("responses", "200000")),
                Long.parseLong(o.getOrDefault("seed", "7")), now));
        String jdbc = "jdbc:postgresql://" + settings.host() + ":" + settings.pgPort() + "/" + BenchInstance.DATABASE;
        boolean reuse = Boolean.parseBoolean(o.getOrDefault("reuse", "false"));
        if (reuse) {
            System.out.println("== reusing the population of the last run (topics bench.*, database analytics_bench)");
        } else {
            freshDatabaseAndTopics(settings);
            generate(settings, world, jdbc);
        }

        System.out.println("== a separate analytics-service (heap 256 MiB, topics bench.*, database analytics_bench) applies them");
        try (BenchInstance analytics = new BenchInstance(settings, PREFIX, Integer.parseInt(o.getOrDefault("port", "8194")));
             ConsumerLag lag = new ConsumerLag(settings.kafkaBootstrap())) {
            analytics.awaitReady(Duration.ofMinutes(3));
            if (!reuse) {
                drain(lag);
                System.out.println("analytics-service memory after applying: " + analytics.memory());
                System.out.println("interaction ingest (issue 8 target, docs/benchmarks.md \"Interactions\"): 20,000/s");
            }
            try (Connection db = DriverManager.getConnection(jdbc, Settings.PG_SUPERUSER, Settings.PG_SUPERUSER_PASSWORD)) {
                compare(analytics.url, TokenSource.user(settings.keycloakUrl(), "demo-analyst"),
                        new PlainQueries(db, LocalDate.ofInstant(now, ZoneOffset.UTC)), world.journey(0),
                        Integer.parseInt(o.getOrDefault("calls", "100")), Integer.parseInt(o.getOrDefault("plain-runs", "3")));
            }
        }
    }

    private static void freshDatabaseAndTopics(Settings settings) throws Exception {
        String admin = "jdbc:postgresql://" + settings.host() + ":" + settings.pgPort() + "/postgres";
        try (Connection c = DriverManager.getConnection(admin, Settings.PG_SUPERUSER, Settings.PG_SUPERUSER_PASSWORD);
             Statement st = c.createStatement()) {
            st.execute("drop database if exists " + BenchInstance.DATABASE + " with (force)");
            st.execute("create database " + BenchInstance.DATABASE + " owner analytics");
        }
        try (Admin kafka = Admin.create(Map.of("bootstrap.servers", settings.kafkaBootstrap()))) {
            List<String> topics = Arrays.stream(EventSink.TOPICS).map(t -> PREFIX + t).toList();
            var existing = kafka.listTopics().names().get();
            List<String> old = topics.stream().filter(existing::contains).toList();
            if (!old.isEmpty()) {
                kafka.deleteTopics(old).all().get();
                Thread.sleep(2000);
            }
            try {
                kafka.deleteConsumerGroups(List.of(BenchInstance.GROUP)).all().get();
            } catch (java.util.concurrent.ExecutionException none) {
                // no such group yet
            }
            kafka.createTopics(topics.stream().map(t -> new NewTopic(t, 3, (short) 1)).toList()).all().get();
        }
    }

    /** Plays the world into Kafka and the raw tables at once. */
    private static void generate(Settings settings, BenchWorld world, String jdbc) throws Exception {
        long t0 = System.nanoTime();
        Connection[] copies = new Connection[3];
        for (int i = 0; i < copies.length; i++) {
            copies[i] = DriverManager.getConnection(jdbc, Settings.PG_SUPERUSER, Settings.PG_SUPERUSER_PASSWORD);
        }
        try (Statement st = copies[0].createStatement()) {
            st.execute(RawSink.SCHEMA);
        }
        long[] perTopic;
        try (EventSink events = new EventSink(settings.kafkaBootstrap(), PREFIX); RawSink rows = new RawSink(copies)) {
            world.play(new Both(events, rows));
            events.close();
            perTopic = events.perTopic();
            rows.close();
        }
        RawSink.indexes(copies[0]);
        for (Connection c : copies) {
            c.close();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("== generated through the topics (bench.*) and into raw tables in %.0f s: %,d customer events, "
                        + "%,d journey versions, %,d interactions, %,d answers%n", seconds, perTopic[0], perTopic[1],
                perTopic[2], perTopic[3]);
    }

    /** Waits until every topic is applied; the rate counts what was left when the instance was ready. */
    private static void drain(ConsumerLag lag) throws InterruptedException {
        long start = System.nanoTime();
        long[] left = new long[EventSink.TOPICS.length];
        double[] done = new double[EventSink.TOPICS.length];
        for (int i = 0; i < left.length; i++) {
            left[i] = Math.max(0, lag.lag(BenchInstance.GROUP, PREFIX + EventSink.TOPICS[i]));
        }
        int open = left.length;
        long deadline = start + Duration.ofMinutes(60).toNanos();
        while (open > 0 && System.nanoTime() < deadline) {
            Thread.sleep(1000);
            open = 0;
            for (int i = 0; i < left.length; i++) {
                if (done[i] == 0) {
                    if (lag.lag(BenchInstance.GROUP, PREFIX + EventSink.TOPICS[i]) == 0) {
                        done[i] = (System.nanoTime() - start) / 1e9;
                    } else {
                        open++;
                    }
                }
            }
        }
        long total = 0;
        double last = 0;
        for (int i = 0; i < left.length; i++) {
            System.out.printf("%-22s %,11d events applied in %7.1f s = %,8.0f events/s%n", EventSink.TOPICS[i], left[i],
                    done[i], done[i] == 0 ? 0 : left[i] / done[i]);
            total += left[i];
            last = Math.max(last, done[i]);
        }
        System.out.printf("%-22s %,11d events applied in %7.1f s = %,8.0f events/s (the four side by side)%n", "all", total,
                last, total / Math.max(last, 0.001));
        if (open > 0) {
            System.out.println("NOT caught up within 60 minutes");
        }
    }

    private static void compare(String url, TokenSource token, PlainQueries plain, UUID journey, int calls, int plainRuns)
            throws Exception {
        System.out.printf("== endpoints over the last 90 days (%d calls each after %d to warm up) against plain SQL over "
                + "the raw rows (median of %d runs)%n", calls, calls / 10, plainRuns);
        System.out.printf("%-34s %8s %8s %11s %9s%n", "endpoint", "p50 ms", "p95 ms", "plain ms", "plain/p50");
        String j = "/analytics/journeys/" + journey;
        row(url + "/analytics/funnel", token, calls, plain::funnel, plainRuns);
        row(url + "/analytics/dwell", token, calls, plain::dwell, plainRuns);
        row(url + "/analytics/retention?period=week", token, calls, plain::retention, plainRuns);
        row(url + "/analytics/experience?metric=nps&by=stage", token, calls, plain::experience, plainRuns);
        row(url + j + "/funnel", token, calls, () -> plain.journeyFunnel(journey), plainRuns);
        row(url + j + "/pain-points", token, calls, () -> plain.journeyWithAnswers(journey), plainRuns);
        row(url + j + "/emotion-curve", token, calls, () -> plain.journeyWithAnswers(journey), plainRuns);
    }

    private static void row(String url, TokenSource token, int calls, Callable<Integer> plainQuery, int plainRuns)
            throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long[] nanos = new long[calls];
        for (int i = -calls / 10; i < calls; i++) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token.get()).build();
            long t0 = System.nanoTime();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            long took = System.nanoTime() - t0;
            if (response.statusCode() != 200) {
                throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
            }
            if (i >= 0) {
                nanos[i] = took;
            }
        }
        Arrays.sort(nanos);
        long[] plainNanos = new long[plainRuns];
        for (int i = 0; i < plainRuns; i++) {
            long t0 = System.nanoTime();
            plainQuery.call();
            plainNanos[i] = System.nanoTime() - t0;
        }
        Arrays.sort(plainNanos);
        double p50 = nanos[calls / 2] / 1e6;
        double p95 = nanos[(int) Math.ceil(calls * 0.95) - 1] / 1e6;
        double plainMs = plainRuns == 0 ? Double.NaN : plainNanos[plainRuns / 2] / 1e6;
        String path = URI.create(url).getPath().replaceAll("/journeys/[^/]+", "/journeys/{id}");
        System.out.printf("%-34s %8.1f %8.1f %11.0f %8.0f×%n", path, p50, p95, plainMs, plainMs / p50);
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> opts = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --name value, got " + args[i]);
            }
            opts.put(args[i].substring(2), args[i + 1]);
        }
        return opts;
    }

    /** Every fact to both sinks. */
    private record Both(BenchWorld.Sink a, BenchWorld.Sink b) implements BenchWorld.Sink {
        @Override
        public void journey(UUID id, int index) {
            a.journey(id, index);
            b.journey(id, index);
        }

        @Override
        public void created(UUID customer, String stage, long at) {
            a.created(customer, stage, at);
            b.created(customer, stage, at);
        }

        @Override
        public void moved(UUID customer, long version, int from, int to, long at, long secondsInPrevious) {
            a.moved(customer, version, from, to, at, secondsInPrevious);
            b.moved(customer, version, from, to, at, secondsInPrevious);
        }

        @Override
        public void interaction(String subject, boolean anonymous, long at, String channel, UUID journey, int touchpoint) {
            a.interaction(subject, anonymous, at, channel, journey, touchpoint);
            b.interaction(subject, anonymous, at, channel, journey, touchpoint);
        }

        @Override
        public void answer(UUID customer, String kind, int score, double normalized, Double sentiment, String stage,
                           String channel, UUID journey, int touchpoint, long at) {
            a.answer(customer, kind, score, normalized, sentiment, stage, channel, journey, touchpoint, at);
            b.answer(customer, kind, score, normalized, sentiment, stage, channel, journey, touchpoint, at);
        }
    }
}
