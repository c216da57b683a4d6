package io.waymark.e2e;

/** A pause between polls of the analytics. */
final class Pause {

    private Pause() {
    }

    static void seconds(long n) {
        try {
            Thread.sleep(n * 1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
