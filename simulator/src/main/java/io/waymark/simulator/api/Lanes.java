package io.waymark.simulator.api;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/**
 * Work split over a few concurrent clients by person (index modulo the number of lanes): each lane sends one
 * person's records in order, so per person the API sees them in the order they happened.
 */
final class Lanes {

    private Lanes() {
    }

    /** Runs {@code lane} for 0..count-1 at once and waits for all; the first failure is thrown. */
    static void run(int count, IntConsumer lane) {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            List<Future<?>> all = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                all.add(pool.submit(() -> lane.accept(n)));
            }
            for (Future<?> f : all) {
                f.get();
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            pool.shutdownNow();
        }
    }
}
