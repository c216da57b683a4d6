package io.waymark.analytics.domain.rollup;

import java.time.LocalDate;

/**
 * Time in stage. Completed stays are counted on the day they ended, by duration bucket, with their seconds
 * summed for the mean; stays still going are counted by the day they began (one customer, one current stay).
 */
public final class Stays {

    /** Counters of a {@link Completed} row. */
    public static final int STAYS = 0;
    public static final int SECONDS = 1;

    public record Completed(LocalDate dayLeft, String stage, int bucket) {
    }

    public record Current(String stage, LocalDate dayEntered) {
    }

    private Stays() {
    }

    public static void completed(String stage, LocalDate dayLeft, long seconds, Delta<Completed> rows) {
        Completed key = new Completed(dayLeft, stage, TimeBuckets.of(seconds));
        rows.add(key, STAYS, 1);
        rows.add(key, SECONDS, seconds);
    }

    public static void current(String stage, LocalDate dayEntered, Delta<Current> rows, int sign) {
        rows.add(new Current(stage, dayEntered), 0, sign);
    }
}
