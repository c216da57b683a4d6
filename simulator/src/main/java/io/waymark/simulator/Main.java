package io.waymark.simulator;

import io.waymark.devstack.Settings;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The simulator's commands, run by {@code ./waymark load} (and the benchmark scripts):
 * <pre>
 *   load --rate R --duration S [--max N] [--batch 500] [--clients 4] [--customers 10000] [--wait-for group,...]
 *   record-size      (bytes of the newest record on journey.interactions, for Kafka's own producer test)
 *   delete-topic T   (the benchmark's scratch topic, afterwards)
 * </pre>
 * Everything goes to the stack this machine runs (loopback only), through the gateway.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        String command = args.length == 0 ? "help" : args[0];
        Settings settings = Settings.load();
        switch (command) {
            case "load" -> load(settings, options(args));
            case "record-size" -> System.out.println(RecordSize.lastOf(settings.kafkaBootstrap(), "journey.interactions"));
            case "delete-topic" -> {
                try (var admin = org.apache.kafka.clients.admin.Admin.create(java.util.Map.of("bootstrap.servers",
                        settings.kafkaBootstrap()))) {
                    admin.deleteTopics(java.util.List.of(args[1])).all().get();
                }
            }
            default -> {
                System.out.println("usage: load --rate R --duration S [--max N] [--batch 500] [--clients 4] "
                        + "[--customers 10000] [--wait-for group,group]\n       record-size\n       delete-topic NAME");
                System.exit(command.equals("help") ? 0 : 2);
            }
        }
    }

    private static void load(Settings settings, Map<String, String> opts) throws Exception {
        LoadGenerator.Options options = new LoadGenerator.Options(settings.serviceUrl("gateway"), settings.keycloakUrl(),
                Integer.parseInt(opts.getOrDefault("rate", "0")),
                Duration.ofSeconds(Long.parseLong(opts.getOrDefault("duration", "10"))),
                Long.parseLong(opts.getOrDefault("max", "100000000")),
                Integer.parseInt(opts.getOrDefault("batch", "500")),
                Integer.parseInt(opts.getOrDefault("clients", "4")),
                Integer.parseInt(opts.getOrDefault("customers", "10000")));
        System.out.printf("sending interactions to %s: rate %s/s for %d s, batches of %d from %d clients%n",
                options.gatewayUrl(), options.rate() == 0 ? "unpaced" : options.rate(), options.duration().toSeconds(),
                options.batch(), options.clients());
        LoadReport report = new LoadGenerator(options).run();
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

    private static Map<String, String> options(String[] args) {
        Map<String, String> opts = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value, got " + args[i]);
            }
            opts.put(args[i].substring(2), args[++i]);
        }
        return opts;
    }
}
