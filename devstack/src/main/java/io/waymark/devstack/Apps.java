package io.waymark.devstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The five Waymark apps, run from their built fast-jars (module/target/quarkus-app/quarkus-run.jar). */
public final class Apps {

    /** Start order: the services first, the gateway last. */
    public static final List<String> ALL = List.of("customer", "journey", "feedback", "analytics", "gateway");

    private final Settings settings;
    /** In start order; written by start(), read by stop() from the shutdown hook. */
    private final Map<String, Process> started = java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>());
    private volatile boolean stopping;

    public Apps(Settings settings) {
        this.settings = settings;
    }

    static String module(String app) {
        return app.equals("gateway") ? "gateway" : app + "-service";
    }

    public boolean isUp(String app) {
        return Proc.httpOk(settings.serviceUrl(app) + "/q/health/ready");
    }

    public boolean allUp() {
        return ALL.stream().allMatch(this::isUp);
    }

    public List<String> missingBuilds() {
        return ALL.stream().filter(app -> !Files.isRegularFile(jar(app))).map(Apps::module).toList();
    }

    private Path jar(String app) {
        return settings.root().resolve(module(app)).resolve("target/quarkus-app/quarkus-run.jar");
    }

    /** Starts every app that is not already serving on its port; all start in parallel, then we wait for each. */
    public void start() {
        List<String> missing = missingBuilds();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("not built yet: " + missing + "; run ./mvnw package -DskipTests");
        }
        // the same for every app: where the infrastructure is, and (for the gateway) where the services are
        Map<String, String> shared = new HashMap<>();
        settings.infrastructureConfig().forEach((k, v) -> shared.put(Settings.envName(k), v));
        for (String service : Settings.DATA_SERVICES) {
            shared.put(Settings.envName("waymark.upstream." + service), settings.serviceUrl(service));
        }
        for (String app : ALL) {
            if (stopping) {
                return;
            }
            if (isUp(app)) {
                Proc.say(app + " already serves on " + settings.serviceUrl(app) + " (reused)");
                continue;
            }
            Path log = settings.logs().resolve(app + ".log");
            Map<String, String> env = new HashMap<>(shared);
            env.put("QUARKUS_HTTP_PORT", Integer.toString(settings.servicePort(app)));
            List<String> command = new ArrayList<>(List.of(Proc.javaBinary(), "-Xms64m", "-Xmx256m",
                    "-XX:+UseSerialGC", "-jar", jar(app).toString()));
            Process process = Proc.start(command, env, settings.root().resolve(module(app)), log);
            Proc.writePid(settings.run().resolve(app + ".pid"), process.pid());
            started.put(app, process);
            if (stopping) {
                // stop() ran while this one was being started and could not have seen it
                Proc.stopTree(process.toHandle(), Duration.ofSeconds(20));
                return;
            }
            Proc.say("starting " + app + " on " + settings.serviceUrl(app) + " (log: " + log + ")");
        }
        List<Map.Entry<String, Process>> toAwait;
        synchronized (started) {
            toAwait = List.copyOf(started.entrySet());
        }
        for (Map.Entry<String, Process> e : toAwait) {
            if (stopping) {
                return;
            }
            try {
                Proc.await(e.getKey(), () -> isUp(e.getKey()), Duration.ofMinutes(3), Optional.of(e.getValue()),
                        settings.logs().resolve(e.getKey() + ".log"));
            } catch (IllegalStateException failed) {
                if (stopping) {
                    return; // stopped on purpose (Ctrl-C) while starting
                }
                throw failed;
            }
            Proc.say(e.getKey() + " is ready");
        }
    }

    /** Stops the apps this instance started, all at once (they do not depend on each other to stop). */
    public void stop() {
        stopping = true;
        List<Process> running;
        synchronized (started) {
            running = List.copyOf(started.values());
        }
        running.parallelStream().forEach(p -> Proc.stopTree(p.toHandle(), Duration.ofSeconds(20)));
        started.clear();
    }

    /** Stops apps an earlier `up` left running. */
    void stopLeftovers() {
        for (String app : ALL.reversed()) {
            Proc.readPid(settings.run().resolve(app + ".pid")).ifPresent(p -> Proc.stopTree(p, Duration.ofSeconds(20)));
        }
    }
}
