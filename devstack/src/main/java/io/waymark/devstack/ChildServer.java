package io.waymark.devstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A server the devstack runs as a child process of its own (Kafka, Keycloak): started with a pid file, so
 * that {@code down} can find it again, awaited until ready, and stopped with everything it started.
 */
abstract class ChildServer implements Server {

    private static final Duration GRACE = Duration.ofSeconds(30);

    protected final Settings settings;
    private Process process;

    ChildServer(Settings settings) {
        this.settings = settings;
    }

    /** Starts {@code command} and waits until {@link #isUp()}, failing with the log's end if it dies or times out. */
    protected void launch(List<String> command, Map<String, String> env, Path workDir, Duration readyWithin) {
        Path log = settings.logs().resolve(pidName() + ".log");
        process = Proc.start(command, env, workDir, log);
        Proc.writePid(pidFile(), process.pid());
        Proc.await(name(), this::isUp, readyWithin, Optional.of(process), log);
    }

    @Override
    public void stop() {
        if (process != null) {
            Proc.stopTree(process.toHandle(), GRACE);
        }
    }

    @Override
    public void stopLeftover() {
        Proc.readPid(pidFile()).ifPresent(p -> Proc.stopTree(p, GRACE));
    }

    private Path pidFile() {
        return settings.run().resolve(pidName() + ".pid");
    }

    /** Names the pid and log files: kafka, keycloak. */
    private String pidName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
