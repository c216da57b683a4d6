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

    /** Start order (the service list's): the services first, the gateway last. */
    public static final List<String> ALL = ServiceList.apps().stream().map(ServiceList::name).toList();

    private final Settings settings;
    /** Empty for ./waymark up; for the end-to-end test "e2e": its own ports, files and the apps' test profile. */
    private final String label;
    /** In start order; written by start(), read by stop() from the shutdown hook. */
    private final Map<String, Process> started = java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>());
    private volatile boolean stopping;

    public Apps(Settings settings) {
        this(settings, "");
    }

    /**
     * Apps under a label run with Quarkus profile {@code test} (the services' test databases, test. topics and
     * test consumer groups), so they never share data with a stack that ./waymark up runs.
     */
    Apps(Settings settings, String label) {
        this.label = label;
        this.settings = settings;
    }

    static String module(String app) {
        return ServiceList.app(app).module().orElseThrow();
    }

    public boolean isUp(String app) {
        return Proc.httpOk(settings.serviceUrl(app) + "/q/health/ready");
    }


    public List<String> missingBuilds() {
        return ALL.stream().filter(app -> !Files.isRegularFile(jar(app))).map(Apps::module).toList();
    }

    private Path jar(String app) {
        return settings.root().resolve(module(app)).resolve("target/quarkus-app/quarkus-run.jar");
    }

    /** Starts every app that is not already serving on its port; all start in parallel, then we wait for each. */
    public void start() {
        if (!label.isEmpty()) {
            // a labelled run tests what this build made: whatever else answers on its ports is refused, not reused
            for (String app : ALL) {
                if (isUp(app)) {
                    throw new IllegalStateException(app + " already answers on " + settings.serviceUrl(app)
                            + ", not started by this " + label + " run (left from an earlier one? ./waymark down stops it)");
                }
            }
        }
        List<String> missing = missingBuilds();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("not built yet: " + missing + "; run ./mvnw package -DskipTests");
        }
        Map<String, String> shared = sharedEnvironment();
        for (String app : ALL) {
            if (stopping) {
                return;
            }
            if (isUp(app)) {
                Proc.say(app + " already serves on " + settings.serviceUrl(app) + " (reused)");
                continue;
            }
            launch(app, shared);
            if (stopping) {
                return;
            }
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
                awaitReady(e.getKey(), e.getValue());
            } catch (IllegalStateException failed) {
                if (stopping) {
                    return; // stopped on purpose (Ctrl-C) while starting
                }
                throw failed;
            }
        }
    }

    /**
     * For a crash test: kills an app this instance started at once (SIGKILL, so no shutdown hook, no graceful
     * close of anything), then starts it again and waits until it is ready.
     */
    public void killAndRestart(String app) {
        Process process = started.get(app);
        if (process == null) {
            throw new IllegalStateException(app + " was not started by this instance");
        }
        process.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        Proc.say(app + " killed (SIGKILL); starting it again");
        awaitReady(app, launch(app, sharedEnvironment()));
    }

    /**
     * Stops one app that a ./waymark up started (found by its pid file; it may be another process's child).
     * False when no such app runs.
     */
    boolean stopOne(String app) {
        Optional<ProcessHandle> running = Proc.readPid(pidFile(app));
        running.ifPresent(p -> {
            Proc.say("stopping " + app + " (pid " + p.pid() + ")");
            Proc.stopTree(p, Duration.ofSeconds(30));
        });
        return running.isPresent();
    }

    /** Starts one app on its own (it outlives this process; ./waymark down stops it) and waits until it is ready. */
    void startOne(String app) {
        awaitReady(app, launch(app, sharedEnvironment()));
    }

    /** What every app is told: where the infrastructure is, and (for the gateway) where the services are. */
    private Map<String, String> sharedEnvironment() {
        Map<String, String> shared = new HashMap<>();
        settings.infrastructureConfig().forEach((k, v) -> shared.put(Settings.envName(k), v));
        for (ServiceList app : ServiceList.apps()) {
            app.upstream().ifPresent(property -> shared.put(Settings.envName(property), settings.serviceUrl(app.name())));
        }
        return shared;
    }

    private Process launch(String app, Map<String, String> shared) {
        Path log = logFile(app);
        Map<String, String> env = new HashMap<>(shared);
        if (!label.isEmpty()) {
            env.put("QUARKUS_PROFILE", "test");
        }
        env.put("QUARKUS_HTTP_PORT", Integer.toString(settings.servicePort(app)));
        List<String> command = new ArrayList<>(List.of(Proc.javaBinary(), "-Xms64m", "-Xmx256m",
                "-XX:+UseSerialGC", "-jar", jar(app).toString()));
        Process process = Proc.start(command, env, settings.root().resolve(module(app)), log);
        Proc.writePid(pidFile(app), process.pid());
        started.put(app, process);
        if (stopping) {
            // stop() ran while this one was being started and could not have seen it
            Proc.stopTree(process.toHandle(), Duration.ofSeconds(20));
        } else {
            Proc.say("starting " + app + " on " + settings.serviceUrl(app) + " (log: " + log + ")");
        }
        return process;
    }

    private void awaitReady(String app, Process process) {
        Proc.await(app, () -> isUp(app), Duration.ofMinutes(3), Optional.of(process), logFile(app));
        Proc.say(app + " is ready");
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
            Proc.readPid(pidFile(app)).ifPresent(p -> Proc.stopTree(p, Duration.ofSeconds(20)));
        }
    }

    Path logFile(String app) {
        return settings.logs().resolve(prefix() + app + ".log");
    }

    private Path pidFile(String app) {
        return settings.run().resolve(prefix() + app + ".pid");
    }

    private String prefix() {
        return label.isEmpty() ? "" : label + "-";
    }
}
