package io.waymark.analytics.domain.rollup;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A journey's touchpoints as customers live them. Per subject and journey the first time each touchpoint was
 * reached is kept; against the map's designed order (its published touchpoints, stage by stage) that gives, per
 * touchpoint and day of reaching it: reached, went on (a later touchpoint reached afterwards; the time to the
 * first such one in a histogram), reached out of order (a later touchpoint was reached first), and skipped
 * (a later touchpoint was reached, this one never; counted on the day of that later one).
 */
public final class JourneyReach {

    /** Counters of a {@link TouchpointDay}. */
    public static final int REACHED = 0;
    public static final int WENT_ON = 1;
    public static final int OUT_OF_ORDER = 2;
    public static final int SKIPPED = 3;

    public record TouchpointDay(UUID journeyId, String touchpoint, LocalDate day) {
    }

    public record TouchpointDayBucket(UUID journeyId, String touchpoint, LocalDate day, int bucket) {
    }

    private JourneyReach() {
    }

    /**
     * What one subject adds: {@code firstReached} by touchpoint key, {@code order} the designed order (null when
     * the map's version is not known yet: then only "reached" is counted).
     */
    public static void contribute(UUID journeyId, Map<String, Instant> firstReached, List<String> order,
                                  Delta<TouchpointDay> days, Delta<TouchpointDayBucket> times, int sign) {
        for (Map.Entry<String, Instant> e : firstReached.entrySet()) {
            String touchpoint = e.getKey();
            Instant at = e.getValue();
            LocalDate day = Days.of(at);
            TouchpointDay key = new TouchpointDay(journeyId, touchpoint, day);
            days.add(key, REACHED, sign);
            int index = order == null ? -1 : order.indexOf(touchpoint);
            if (index < 0) {
                continue;
            }
            Instant next = null;
            boolean outOfOrder = false;
            for (int i = index + 1; i < order.size(); i++) {
                Instant later = firstReached.get(order.get(i));
                if (later == null) {
                    continue;
                }
                if (later.isBefore(at)) {
                    outOfOrder = true;
                } else if (next == null || later.isBefore(next)) {
                    next = later;
                }
            }
            if (next != null) {
                days.add(key, WENT_ON, sign);
                times.add(new TouchpointDayBucket(journeyId, touchpoint, day,
                        TimeBuckets.of(next.getEpochSecond() - at.getEpochSecond())), 0, sign);
            }
            if (outOfOrder) {
                days.add(key, OUT_OF_ORDER, sign);
            }
        }
        if (order == null) {
            return;
        }
        for (int i = 0; i < order.size(); i++) {
            if (firstReached.containsKey(order.get(i))) {
                continue;
            }
            Instant firstLater = null;
            for (int j = i + 1; j < order.size(); j++) {
                Instant later = firstReached.get(order.get(j));
                if (later != null && (firstLater == null || later.isBefore(firstLater))) {
                    firstLater = later;
                }
            }
            if (firstLater != null) {
                days.add(new TouchpointDay(journeyId, order.get(i), Days.of(firstLater)), SKIPPED, sign);
            }
        }
    }
}
