package io.waymark.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/** Small process and readiness helpers shared by the servers the devstack runs. */
final class Proc {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private Proc() {
    }

    static void say(String message) {
        System.out.println("devstack: " + message);
        System.out.flush();
    }

    private static final Path SETSID = Path.of("/usr/bin/setsid");

    /**
     * Starts a server or app writing to a log file; stdin is empty so it never waits on a terminal. It runs
     * in a session of its own (setsid), so a Ctrl-C in the terminal reaches only the devstack, which then
     * stops everything in order (apps before Kafka, say) instead of all at once.
     */
    static Process start(List<String> command, Map<String, String> env, Path workDir, Path log) {
        try {
            Files.createDirectories(log.getParent());
            List<String> full = new java.util.ArrayList<>();
            if (Files.isExecutable(SETSID)) {
                full.add(SETSID.toString());
            }
            full.addAll(command);
            ProcessBuilder pb = new ProcessBuilder(full)
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
            pb.environment().putAll(env);
            return pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command.get(0), e);
        }
    }

    /** Runs a command to its end and fails with its output when it does not exit 0. */
    static String run(List<String> command, Map<String, String> env, Path workDir, Duration timeout) {
        try {
            Path out = Files.createTempFile("waymark-devstack", ".out");
            try {
                ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile())
                        .redirectErrorStream(true).redirectOutput(out.toFile())
                        .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
                pb.environment().putAll(env);
                Process p = pb.start();
                if (!p.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                    p.descendants().forEach(ProcessHandle::destroyForcibly);
                    p.destroyForcibly();
                    throw new IllegalStateException(describe(command) + " did not finish within " + timeout);
                }
                String output = Files.readString(out, StandardCharsets.UTF_8);
                if (p.exitValue() != 0) {
                    throw new IllegalStateException(describe(command) + " failed (exit " + p.exitValue() + "):\n" + output);
                }
                return output;
            } finally {
                Files.deleteIfExists(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** A command for messages: long arguments (classpaths) shortened. */
    static String describe(List<String> command) {
        return command.stream().map(a -> a.length() > 120 ? a.substring(0, 60) + "…" : a)
                .collect(java.util.stream.Collectors.joining(" "));
    }

    static boolean portOpen(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static boolean httpOk(String url) {
        try {
            HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(3)).GET().build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Waits until {@code ready} holds. Gives up when the timeout passes or the process that should become
     * ready has died, and then says so with the end of its log.
     */
    static void await(String what, BooleanSupplier ready, Duration timeout, Optional<Process> process, Path log) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!ready.getAsBoolean()) {
            if (process.isPresent() && !process.get().isAlive()) {
                throw new Exited(what + " exited with " + process.get().exitValue()
                        + "; the end of " + log + ":\n" + tail(log, 40));
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(what + " was not ready within " + timeout.toSeconds()
                        + " s; the end of " + log + ":\n" + tail(log, 40));
            }
            sleep(250);
        }
    }

    /** The process that should have become ready ended before it did. */
    static final class Exited extends IllegalStateException {
        Exited(String message) {
            super(message);
        }
    }

    static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Asks a process and everything it started to stop (SIGTERM), then forces it after the grace period. */
    static void stopTree(ProcessHandle process, Duration grace) {
        List<ProcessHandle> all = new java.util.ArrayList<>(process.descendants().toList());
        all.add(0, process);
        all.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle p : all) {
            while (p.isAlive() && System.nanoTime() < deadline) {
                sleep(100);
            }
        }
        all.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    static void writePid(Path file, long pid) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, Long.toString(pid));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Optional<ProcessHandle> readPid(Path file) {
        try {
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            return ProcessHandle.of(Long.parseLong(Files.readString(file).trim())).filter(ProcessHandle::isAlive);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** The java binary this JVM runs on: the devstack starts every JVM it needs with the same JDK. */
    static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
