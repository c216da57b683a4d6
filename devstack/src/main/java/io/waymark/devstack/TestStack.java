package io.waymark.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The devstack as the tests use it: the infrastructure for {@code @QuarkusTest}s, shared by every module
 * of one build, and the apps for the end-to-end tests.
 */
public final class TestStack {

    private TestStack() {
    }

    private static boolean databasesChecked;

    /**
     * Makes sure PostgreSQL, Kafka and Keycloak run. A stack that is already up (./waymark up, or an earlier
     * test module of the same build) is reused; otherwise a devstack process is started that lives as long
     * as the Maven build that runs this test, so every module of the build shares one stack.
     */
    public static synchronized Settings ensureInfra() {
        Settings settings = Settings.load();
        if (Devstack.infraUp(settings)) {
            // a stack started before a service (or the platform's tests) was added lacks its database
            if (!databasesChecked) {
                new Postgres(settings).createDatabases();
                databasesChecked = true;
            }
            return settings;
        }
        try {
            Files.createDirectories(settings.run());
            try (FileChannel channel = FileChannel.open(settings.run().resolve("ensure.lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE); FileLock ignored = channel.lock()) {
                if (!Devstack.infraUp(settings)) {
                    spawn(settings);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return settings;
    }

    private static void spawn(Settings settings) {
        ProcessHandle ownerProcess = buildProcess();
        long owner = ownerProcess.pid();
        Path log = settings.logs().resolve("devstack.log");
        List<String> command = new ArrayList<>(List.of(Proc.javaBinary(), "-Xmx256m", "-cp",
                Distributions.classpath(settings)));
        // hand the settings on, so a -D given to the test JVM reaches the devstack too
        System.getProperties().forEach((k, v) -> {
            if (k.toString().startsWith("waymark.")) {
                command.add("-D" + k + "=" + v);
            }
        });
        command.addAll(List.of(Devstack.class.getName(), "up", "--owner-pid", Long.toString(owner)));
        System.out.println("devstack: starting PostgreSQL, Kafka and Keycloak for this build (pid " + owner + ": "
                + ownerProcess.info().command().orElse("?") + "; log: " + log + ")");
        Process process = Proc.start(command, java.util.Map.of(), settings.root(), log);
        Proc.await("the devstack", () -> Devstack.infraUp(settings), Duration.ofMinutes(8), Optional.of(process),
                log);
        System.out.println("devstack: ready");
    }

    /**
     * The Maven process running this build: the nearest ancestor that runs Maven's launcher (plexus
     * classworlds). Surefire may start the test JVM through short-lived helpers, so the direct parent is
     * only the fallback.
     */
    static ProcessHandle buildProcess() {
        for (Optional<ProcessHandle> p = ProcessHandle.current().parent(); p.isPresent(); p = p.get().parent()) {
            String line = p.get().info().commandLine().orElse("");
            if (line.contains("org.codehaus.plexus.classworlds") || line.contains("plexus-classworlds")) {
                return p.get();
            }
        }
        return ProcessHandle.current().parent().orElse(ProcessHandle.current());
    }

    /**
     * For the end-to-end test: the infrastructure, reused or started, and every app started fresh from the
     * jars this build has just made, on ports {@value #E2E_PORT_OFFSET} above the usual ones and with the
     * test profile. So a stack that ./waymark up runs (maybe built from older sources) is never what the test
     * checks, and the two never share data. The apps stop with this JVM.
     */
    public static synchronized Settings startAppsForEndToEnd() {
        if (endToEnd != null) {
            return endToEnd;
        }
        ensureInfra();
        System.setProperty("waymark.app-port-offset", Integer.toString(E2E_PORT_OFFSET));
        Settings settings = Settings.load();
        Apps apps = new Apps(settings, "e2e");
        Runtime.getRuntime().addShutdownHook(new Thread(apps::stop, "e2e-apps-stop"));
        apps.start();
        endToEnd = settings;
        endToEndApps = apps;
        return settings;
    }

    /** For the end-to-end crash test: kills one of this JVM's end-to-end apps (SIGKILL) and starts it again. */
    public static synchronized void killAndRestartForEndToEnd(String app) {
        if (endToEndApps == null) {
            throw new IllegalStateException("the end-to-end apps are not started");
        }
        endToEndApps.killAndRestart(app);
    }

    private static Apps endToEndApps;

    /** The end-to-end apps of this JVM, once started: every test class shares them. */
    private static Settings endToEnd;

    static final int E2E_PORT_OFFSET = 10000;
}
