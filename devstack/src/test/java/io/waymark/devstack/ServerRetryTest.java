package io.waymark.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A server that dies on its first start gets one more try; one that is only slow does not. Real processes. */
class ServerRetryTest {

    @TempDir
    Path home;

    @BeforeEach
    void ownHome() {
        System.setProperty("waymark.home", home.toString());
    }

    @AfterEach
    void clear() {
        System.clearProperty("waymark.home");
    }

    /** Runs one command per start, in turn, and answers as told for that start. */
    static final class Scripted extends ChildServer {
        private final List<List<String>> commands;
        private final List<Boolean> answers;
        private final Duration readyWithin;
        int starts;
        private volatile boolean up;

        Scripted(Settings settings, List<List<String>> commands, List<Boolean> answers, Duration readyWithin) {
            super(settings);
            this.commands = commands;
            this.answers = answers;
            this.readyWithin = readyWithin;
        }

        @Override
        public String name() {
            return "Scripted";
        }

        @Override
        public boolean isUp() {
            return up;
        }

        @Override
        public void start() {
            int i = starts++;
            up = answers.get(i);
            launch(commands.get(i), Map.of(), settings.home(), readyWithin);
        }
    }

    @Test
    void aServerThatExitsOnItsFirstStartIsStartedOnceMore() {
        Settings settings = Settings.load();
        Scripted server = new Scripted(settings, List.of(List.of("sh", "-c", "exit 3"), List.of("sleep", "30")),
                List.of(false, true), Duration.ofSeconds(20));
        try {
            new Devstack(settings).startIfDown(server);
            assertEquals(2, server.starts);
        } finally {
            server.stop();
        }
    }

    @Test
    void aServerThatIsOnlySlowIsNotStartedTwiceAndBothFailuresAreKept() {
        Settings settings = Settings.load();
        Scripted slow = new Scripted(settings, List.of(List.of("sleep", "30")), List.of(false), Duration.ofSeconds(1));
        try {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> new Devstack(settings).startIfDown(slow));
            assertFalse(e instanceof Proc.Exited, e.getMessage());
            assertTrue(e.getMessage().contains("was not ready within 1 s"), e.getMessage());
            assertEquals(1, slow.starts);
        } finally {
            slow.stop();
        }

        Scripted dies = new Scripted(settings, List.of(List.of("sh", "-c", "exit 3"), List.of("sh", "-c", "exit 4")),
                List.of(false, false), Duration.ofSeconds(20));
        Proc.Exited second = assertThrows(Proc.Exited.class, () -> new Devstack(settings).startIfDown(dies));
        assertEquals(2, dies.starts);
        assertTrue(second.getMessage().contains("exited with 4"), second.getMessage());
        assertInstanceOf(Proc.Exited.class, second.getSuppressed()[0]);
        assertTrue(second.getSuppressed()[0].getMessage().contains("exited with 3"));
    }
}
