package io.waymark.analytics.domain.churn;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The examples of a training run, taken a customer at a time into two reservoirs (Vitter's algorithm R, seeded):
 * a uniform sample of at most the configured size whatever the number of customers, so memory stays bounded.
 * Snapshots up to {@code trainUntil} train; those from {@code splitAt} on are held out.
 */
final class ChurnSampler {

    private final ChurnTraining.Plan plan;
    private final ChurnDefinition definition;
    private final Reservoir train;
    private final Reservoir heldOut;
    private final List<Instant> trainTimes;
    private final List<Instant> heldOutTimes;
    private final Map<String, String> names = new HashMap<>();

    ChurnSampler(ChurnTraining.Plan plan, ChurnConfig config, ChurnDefinition definition) {
        this.plan = plan;
        this.definition = definition;
        Random random = new Random(config.seed());
        this.train = new Reservoir(config.maxTrainingSnapshots(), random);
        this.heldOut = new Reservoir(config.maxHeldOutSnapshots(), random);
        this.trainTimes = plan.times().stream().filter(t -> !t.isAfter(plan.trainUntil())).toList();
        this.heldOutTimes = plan.times().stream().filter(t -> !t.isBefore(plan.splitAt())).toList();
    }

    ChurnTraining.Plan plan() {
        return plan;
    }

    void add(CustomerHistory h) {
        ChurnLabels.examples(h, trainTimes, definition).forEach(e -> train.offer(ChurnSample.of(e, names)));
        ChurnLabels.examples(h, heldOutTimes, definition).forEach(e -> heldOut.offer(ChurnSample.of(e, names)));
    }

    List<ChurnSample> train() {
        return train.kept;
    }

    List<ChurnSample> heldOut() {
        return heldOut.kept;
    }

    private static final class Reservoir {
        final List<ChurnSample> kept = new ArrayList<>();
        final int size;
        final Random random;
        long seen;

        Reservoir(int size, Random random) {
            this.size = size;
            this.random = random;
        }

        void offer(ChurnSample sample) {
            seen++;
            if (kept.size() < size) {
                kept.add(sample);
            } else {
                long slot = (long) (random.nextDouble() * seen);
                if (slot < size) {
                    kept.set((int) slot, sample);
                }
            }
        }
    }
}
