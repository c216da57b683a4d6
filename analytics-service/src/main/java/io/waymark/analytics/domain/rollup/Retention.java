package io.waymark.analytics.domain.rollup;

import java.util.SortedSet;

/**
 * Cohort retention: a subject (customer, or visitor not identified yet) belongs to the cohort of the period
 * of its first interaction, and counts in each later period in which it interacted at all. The cell (cohort,
 * offset 0) is the cohort's size.
 */
public final class Retention {

    public static final String WEEK = "week";
    public static final String MONTH = "month";

    public record Cell(String period, int cohort, int offset) {
    }

    private Retention() {
    }

    /** What one subject, active in these weeks and months (period numbers of {@link Days}), adds to the cells. */
    public static void contribute(SortedSet<Integer> weeks, SortedSet<Integer> months, Delta<Cell> cells, int sign) {
        add(WEEK, weeks, cells, sign);
        add(MONTH, months, cells, sign);
    }

    private static void add(String period, SortedSet<Integer> active, Delta<Cell> cells, int sign) {
        if (active.isEmpty()) {
            return;
        }
        int cohort = active.first();
        for (int p : active) {
            cells.add(new Cell(period, cohort, p - cohort), 0, sign);
        }
    }
}
