package io.waymark.simulator.api;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A progress bar on a terminal ({@code [#######.......]  48%  interactions 52,000/108,000  41 s}), redrawn at most
 * five times a second; elsewhere (a log, a test) one line per phase and every tenth of it.
 */
public final class Progress {

    private final PrintStream out;
    private final boolean terminal;
    private final long started = System.nanoTime();
    private final AtomicLong done = new AtomicLong();
    private volatile long total;
    private volatile String phase = "";
    private volatile long lastDraw;
    private volatile int lastTenth = -1;

    public Progress(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    /** For the current terminal, if output goes to one (Console.isTerminal from JDK 22; before that, a console at all). */
    public static Progress onConsole() {
        java.io.Console console = System.console();
        boolean terminal = console != null;
        if (terminal) {
            try {
                terminal = (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
            } catch (ReflectiveOperationException e) {
                // JDK 21: System.console() is null unless both ends are a terminal
            }
        }
        return new Progress(System.out, terminal);
    }

    public static Progress quiet() {
        return new Progress(new PrintStream(java.io.OutputStream.nullOutputStream()), false);
    }

    public synchronized void phase(String name, long size) {
        finishLine();
        phase = name;
        total = size;
        done.set(0);
        lastTenth = -1;
        if (!terminal) {
            out.printf("%s (%,d) at %.0f s%n", name, size, seconds());
        }
        draw(true);
    }

    /** More work found within the phase (the cases to work, once listed). */
    public void grow(long more) {
        total += more;
        draw(true);
    }

    public void advance(long n) {
        done.addAndGet(n);
        draw(false);
    }

    /** A remark on what is being waited for (shown on a terminal only). */
    public void note(String text) {
        if (terminal) {
            synchronized (this) {
                out.print("\r\033[K  " + phase + ": " + text);
                out.flush();
            }
        }
    }

    public synchronized void finishLine() {
        if (terminal && !phase.isEmpty()) {
            draw(true);
            out.println();
        }
    }

    public double seconds() {
        return (System.nanoTime() - started) / 1e9;
    }

    private synchronized void draw(boolean force) {
        long now = System.nanoTime();
        long d = done.get();
        double share = total <= 0 ? 1 : Math.min(1, (double) d / total);
        if (!terminal) {
            int tenth = (int) (share * 10);
            if (tenth > lastTenth && tenth < 10 && tenth > 0) {
                lastTenth = tenth;
                out.printf("  %s: %,d/%,d%n", phase, d, total);
            }
            return;
        }
        if (!force && now - lastDraw < 200_000_000L) {
            return;
        }
        lastDraw = now;
        int width = 30;
        int filled = (int) Math.round(share * width);
        out.printf("\r\033[K[%s%s] %3.0f%%  %s %,d/%,d  %.0f s", "#".repeat(filled), ".".repeat(width - filled),
                share * 100, phase, d, total, seconds());
        out.flush();
    }
}
