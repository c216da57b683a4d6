package io.waymark.simulator;

import io.waymark.devstack.Settings;
import io.waymark.simulator.api.Progress;
import io.waymark.simulator.api.WorldRun;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The simulator's commands, run by {@code ./waymark demo | load} (and the benchmark scripts):
 * <pre>
 *   demo [--customers N] [--seed S] [--days D] [--world FILE] [--if-empty] [--lanes 8]
 *        a simulated world played into the running stack through the gateway; truth.json under .waymark/worlds/
 *   load --rate R --duration S [--max N] [--batch 500] [--clients 4] [--traffic world|random] [--world FILE]
 *        [--seed S] [--customers 10000] [--wait-for group,...]
 *        interactions at a target rate for a bounded time and count; the achieved rate and latency
 *   record-size      (bytes of the newest record on journey.interactions, for Kafka's own producer test)
 *   delete-topic T   (the benchmark's scratch topic, afterwards)
 * </pre>
 * Everything goes to the stack this machine runs (loopback only), through the gateway.
 */
public final class Main {

    static final String DEFAULT_WORLD = "simulator/worlds/demo.yaml";

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        String command = args.length == 0 ? "help" : args[0];
        Settings settings = Settings.load();
        try {
            switch (command) {
                case "demo" -> Demo.run(settings, options(args));
                case "load" -> load(settings, options(args));
                case "record-size" -> System.out.println(RecordSize.lastOf(settings.kafkaBootstrap(), "journey.interactions"));
                case "delete-topic" -> {
                    try (var admin = org.apache.kafka.clients.admin.Admin.create(Map.of("bootstrap.servers",
                            settings.kafkaBootstrap()))) {
                        admin.deleteTopics(java.util.List.of(args[1])).all().get();
                    }
                }
                default -> {
                    System.out.println("""
                            usage: demo [--customers N] [--seed S] [--days D] [--world FILE] [--if-empty]
                                   load --rate R --duration S [--max N] [--batch 500] [--clients 4] [--traffic world|random]
                                        [--world FILE] [--customers 10000] [--wait-for group,group]
                                   record-size
                                   delete-topic NAME""");
                    System.exit(command.equals("help") ? 0 : 2);
                }
            }
        } catch (IllegalArgumentException | IllegalStateException e) {
            System.err.println();
            System.err.println("simulator: " + e.getMessage());
            System.exit(1);
        }
    }

    static Path world(Settings settings, Map<String, String> opts) {
        return opts.containsKey("world") ? Path.of(opts.get("world")) : settings.root().resolve(DEFAULT_WORLD);
    }

    private static void load(Settings settings, Map<String, String> opts) throws Exception {
        LoadGenerator.Options options = new LoadGenerator.Options(settings.serviceUrl("gateway"), settings.keycloakUrl(),
                Integer.parseInt(opts.getOrDefault("rate", "0")),
                Duration.ofSeconds(Long.parseLong(opts.getOrDefault("duration", "10"))),
                Long.parseLong(opts.getOrDefault("max", "100000000")),
                Integer.parseInt(opts.getOrDefault("batch", "500")),
                Integer.parseInt(opts.getOrDefault("clients", "4")),
                Integer.parseInt(opts.getOrDefault("customers", "10000")));
        String traffic = opts.getOrDefault("traffic", "world");
        TrafficSource source = switch (traffic) {
            case "random" -> LoadGenerator.randomTraffic(options.customers());
            case "world" -> Demo.traffic(settings, world(settings, opts), Long.parseLong(opts.getOrDefault("seed", "1")));
            default -> throw new IllegalArgumentException("--traffic world or random, not " + traffic);
        };
        System.out.printf("sending %s interactions to %s: rate %s/s for %d s, batches of %d from %d clients%n", traffic,
                options.gatewayUrl(), options.rate() == 0 ? "unpaced" : options.rate(), options.duration().toSeconds(),
                options.batch(), options.clients());
        LoadReport report = new LoadGenerator(options, source).run();
        System.out.println(report.describe());
        String waitFor = opts.get("wait-for");
        if (waitFor != null) {
            try (ConsumerLag lag = new ConsumerLag(settings.kafkaBootstrap())) {
                for (String group : waitFor.split(",")) {
                    long sinceLastAck = System.nanoTime() - report.lastAckNanos();
                    var took = lag.awaitCaughtUp(group, "journey.interactions", Duration.ofMinutes(5));
                    System.out.printf("%-26s %s%n", group + " caught up:", took.map(d -> String.format(
                            "%,d ms after the last acknowledgement", (sinceLastAck + d.toNanos()) / 1_000_000))
                            .orElse("NOT within 5 minutes (lag " + lag.lag(group, "journey.interactions") + ")"));
                }
            }
        }
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> opts = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --name value, got " + args[i]);
            }
            String name = args[i].substring(2);
            if (name.equals("if-empty")) {
                opts.put(name, "true");
            } else if (i + 1 < args.length) {
                opts.put(name, args[++i]);
            } else {
                throw new IllegalArgumentException("--" + name + " needs a value");
            }
        }
        return opts;
    }

    static WorldRun.Options demoOptions(Settings settings, Map<String, String> opts) {
        String namespace = opts.getOrDefault("namespace", "w" + Long.toString(System.currentTimeMillis() / 1000, 36));
        return new WorldRun.Options(world(settings, opts),
                opts.containsKey("customers") ? Integer.valueOf(opts.get("customers")) : null,
                Long.parseLong(opts.getOrDefault("seed", "1")), namespace, opts.getOrDefault("profile", ""),
                Integer.parseInt(opts.getOrDefault("expected", "0")), settings.home().resolve("worlds").resolve(namespace),
                Integer.parseInt(opts.getOrDefault("lanes", "8")), opts.containsKey("if-empty"),
                settings.serviceUrl("gateway"), settings.keycloakUrl(), settings.kafkaBootstrap(), null,
                opts.containsKey("days") ? Integer.valueOf(opts.get("days")) : null);
    }

    static Progress progress() {
        return Progress.onConsole();
    }
}
