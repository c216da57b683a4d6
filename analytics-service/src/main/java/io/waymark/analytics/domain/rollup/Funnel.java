package io.waymark.analytics.domain.rollup;

import io.waymark.contracts.LifecycleStage;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * The lifecycle funnel, per customer: a customer counts once for each stage on the day they first reached it,
 * and counts as converted from that stage when they later reached a further stage for the first time; the
 * time that took goes to a {@link TimeBuckets} histogram. Moving back and forth counts nobody twice.
 */
public final class Funnel {

    /** Counters of a {@link StageDay}: customers who reached the stage that day, and of those converted. */
    public static final int REACHED = 0;
    public static final int CONVERTED = 1;

    public record StageDay(LocalDate day, String stage) {
    }

    public record StageDayBucket(LocalDate day, String stage, int bucket) {
    }

    private Funnel() {
    }

    /** What one customer, having first reached each stage when {@code firstReached} says, adds to the rollups. */
    public static void contribute(Map<LifecycleStage, Instant> firstReached, Delta<StageDay> days,
                                  Delta<StageDayBucket> times, int sign) {
        for (Map.Entry<LifecycleStage, Instant> e : firstReached.entrySet()) {
            LifecycleStage stage = e.getKey();
            Instant at = e.getValue();
            LocalDate day = Days.of(at);
            days.add(new StageDay(day, stage.name()), REACHED, sign);
            Instant next = null;
            for (Map.Entry<LifecycleStage, Instant> later : firstReached.entrySet()) {
                if (later.getKey().ordinal() > stage.ordinal() && !later.getValue().isBefore(at)
                        && (next == null || later.getValue().isBefore(next))) {
                    next = later.getValue();
                }
            }
            if (next != null) {
                days.add(new StageDay(day, stage.name()), CONVERTED, sign);
                long seconds = next.getEpochSecond() - at.getEpochSecond();
                times.add(new StageDayBucket(day, stage.name(), TimeBuckets.of(seconds)), 0, sign);
            }
        }
    }
}
