package io.waymark.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The devstack: real PostgreSQL, Kafka and Keycloak for ./waymark up and for the tests.
 *
 * <pre>
 * devstack up [--apps] [--owner-pid PID]   start what is not already running; stay until Ctrl-C / SIGTERM,
 *                                          or until process PID (the Maven build, for tests) has ended
 * devstack down                            stop a stack left running
 * devstack status                          say what answers on the configured ports
 * devstack rebuild analytics               rebuild analytics-service's read models from the topics
 * </pre>
 *
 * Servers that already answer on their ports are reused and never stopped by this instance; the ones it
 * started are stopped when it exits.
 */
public final class Devstack {

    private final Settings settings;
    private final List<Server> servers;
    private final List<Server> started = Collections.synchronizedList(new ArrayList<>());
    private final Apps apps;

    Devstack(Settings settings) {
        this.settings = settings;
        this.servers = List.of(new Postgres(settings), new Kafka(settings), new Keycloak(settings));
        this.apps = new Apps(settings);
    }

    public static void main(String[] args) {
        String command = args.length == 0 ? "help" : args[0];
        Settings settings = Settings.load();
        try {
            switch (command) {
                case "up" -> new Devstack(settings).up(List.of(args).contains("--apps"), ownerPid(args));
                case "down" -> new Devstack(settings).down();
                case "status" -> new Devstack(settings).status();
                case "rebuild" -> rebuild(settings, args.length > 1 ? args[1] : "");
                default -> {
                    System.out.println("usage: devstack up [--apps] [--owner-pid PID] | down | status | rebuild analytics");
                    System.exit(command.equals("help") ? 0 : 2);
                }
            }
        } catch (RuntimeException e) {
            System.err.println("devstack: " + e.getMessage());
            System.exit(1);
        }
    }

    private static void rebuild(Settings settings, String what) {
        if (!what.equals("analytics")) {
            throw new IllegalArgumentException("only analytics has read models to rebuild: rebuild analytics");
        }
        if (!infraUp(settings)) {
            throw new IllegalStateException("PostgreSQL, Kafka and Keycloak must run: ./waymark up (in another terminal)");
        }
        // the Kafka admin client logs its whole configuration at INFO
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        new Rebuild(settings).run();
    }

    private static Optional<Long> ownerPid(String[] args) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals("--owner-pid")) {
                return Optional.of(Long.parseLong(args[i + 1]));
            }
        }
        return Optional.empty();
    }

    private void up(boolean withApps, Optional<Long> owner) {
        Proc.writePid(settings.run().resolve("devstack.pid"), ProcessHandle.current().pid());
        Runtime.getRuntime().addShutdownHook(new Thread(this::stopStarted, "devstack-stop"));
        owner.ifPresent(this::exitWhenGone);
        long t0 = System.nanoTime();
        // PostgreSQL is quick; Kafka and Keycloak start side by side (Keycloak takes the longest)
        startIfDown(servers.get(0));
        CompletableFuture<?>[] rest = servers.subList(1, servers.size()).stream()
                .map(s -> CompletableFuture.runAsync(() -> startIfDown(s)))
                .toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(rest).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
        Proc.say(String.format("PostgreSQL, Kafka and Keycloak ready after %.1f s", (System.nanoTime() - t0) / 1e9));
        if (withApps) {
            apps.start();
            DemoWorld.loadIfEmpty(settings);
            printUrls();
        }
        try {
            Thread.currentThread().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void startIfDown(Server server) {
        if (server.isUp()) {
            Proc.say(server.name() + " already runs (reused)");
            if (server instanceof Postgres postgres) {
                postgres.createDatabases();
            }
            return;
        }
        long t0 = System.nanoTime();
        Proc.say("starting " + server.name());
        // recorded first: a server that fails half-way (started, never ready) must still be stopped on exit
        started.add(server);
        try {
            server.start();
        } catch (Proc.Exited first) {
            // one more try for a server that died on its first start (a port still being let go, say); one that
            // was merely slow is not started twice, which would outlast the tests' wait for the devstack
            Proc.say(server.name() + " did not start, trying once more: " + first.getMessage());
            server.stop();
            Proc.sleep(5000);
            try {
                server.start();
            } catch (RuntimeException second) {
                second.addSuppressed(first);
                throw second;
            }
        }
        Proc.say(String.format("%s ready in %.1f s", server.name(), (System.nanoTime() - t0) / 1e9));
    }

    private void stopStarted() {
        apps.stop();
        List<Server> reversed = new ArrayList<>(started);
        Collections.reverse(reversed);
        for (Server server : reversed) {
            try {
                server.stop();
                Proc.say("stopped " + server.name());
            } catch (RuntimeException e) {
                System.err.println("devstack: could not stop " + server.name() + ": " + e.getMessage());
            }
        }
        try {
            Files.deleteIfExists(settings.run().resolve("devstack.pid"));
        } catch (IOException ignored) {
            // markers only
        }
    }

    /** Tests start the devstack for the whole build: it ends itself once the Maven process has ended. */
    private void exitWhenGone(long pid) {
        Thread watcher = new Thread(() -> {
            while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                Proc.sleep(1000);
            }
            Proc.say("process " + pid + " has ended; stopping");
            System.exit(0);
        }, "devstack-owner-watch");
        watcher.setDaemon(true);
        watcher.start();
    }

    private void down() {
        Optional<ProcessHandle> running = Proc.readPid(settings.run().resolve("devstack.pid"));
        if (running.isPresent()) {
            Proc.say("stopping the devstack (pid " + running.get().pid() + ")");
            Proc.stopTree(running.get(), Duration.ofSeconds(90));
        }
        // whatever a killed devstack (or end-to-end test) left behind
        apps.stopLeftovers();
        new Apps(settings, "e2e").stopLeftovers();
        for (Server server : servers.reversed()) {
            server.stopLeftover();
        }
        status();
    }

    private void status() {
        for (Server server : servers) {
            Proc.say(String.format("%-10s %s", server.name(), server.isUp() ? "up" : "down"));
        }
        for (String app : Apps.ALL) {
            Proc.say(String.format("%-10s %s", app, apps.isUp(app) ? "up" : "down"));
        }
    }

    private void printUrls() {
        String gw = settings.serviceUrl("gateway");
        System.out.println();
        System.out.println("Waymark is up.");
        System.out.println("  Gateway (one API):  " + gw + "/api/...      health: " + gw + "/q/health/ready");
        System.out.println("  Swagger UI:         " + gw + "/q/swagger-ui");
        System.out.println("  OpenAPI (all APIs): " + gw + "/openapi");
        System.out.println("  Keycloak:           " + settings.keycloakUrl() + "   (admin console: admin / admin)");
        System.out.println("  Demo users (password 'waymark'): demo-admin, demo-analyst, demo-designer, demo-agent, demo-ingest");
        System.out.println("  Logs:               " + settings.logs());
        System.out.println("Ctrl-C stops everything this command started.");
        System.out.flush();
    }

    /** PostgreSQL, Kafka and Keycloak all answer (whoever started them). */
    static boolean infraUp(Settings settings) {
        return new Devstack(settings).servers.stream().allMatch(Server::isUp);
    }
}
