package io.waymark.analytics.domain.churn;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

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
    private final Set<String> painPoints;
    private final Map<String, String> names = new HashMap<>();

    ChurnSampler(ChurnTraining.Plan plan, ChurnConfig config, ChurnDefinition definition, Set<String> painPoints) {
        this.plan = plan;
        this.definition = definition;
        this.painPoints = painPoints;
        Random random = new Random(config.seed());
        this.train = new Reservoir(config.maxTrainingSnapshots(), random);
        this.heldOut = new Reservoir(config.maxHeldOutSnapshots(), random);
        this.trainTimes = plan.times().stream().filter(t -> !t.isAfter(plan.trainUntil())).toList();
        this.heldOutTimes = plan.times().stream().filter(t -> !t.isBefore(plan.splitAt())).toList();
    }

    ChurnTraining.Plan plan() {
        return plan;
    }

    Set<String> painPoints() {
        return painPoints;
    }

    /** Features are computed only for the snapshots the reservoirs keep (most are not, with many customers). */
    void add(CustomerHistory h) {
        offer(h, trainTimes, train);
        offer(h, heldOutTimes, heldOut);
    }

    private void offer(CustomerHistory h, List<Instant> times, Reservoir reservoir) {
        for (Instant t : times) {
            if (ChurnLabels.atRisk(h, t, definition)) {
                int slot = reservoir.slot();
                if (slot >= 0) {
                    reservoir.put(slot, ChurnSample.of(ChurnLabels.example(h, t, definition, painPoints), names));
                }
            }
        }
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

        /** Where the next of the stream goes: a free or a replaced place, or -1 (not kept). */
        int slot() {
            seen++;
            if (seen <= size) {
                return (int) seen - 1;
            }
            long slot = (long) (random.nextDouble() * seen);
            return slot < size ? (int) slot : -1;
        }

        void put(int slot, ChurnSample sample) {
            if (slot == kept.size()) {
                kept.add(sample);
            } else {
                kept.set(slot, sample);
            }
        }
    }
}
