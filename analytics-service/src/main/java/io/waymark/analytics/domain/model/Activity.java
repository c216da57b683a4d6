package io.waymark.analytics.domain.model;

import java.util.SortedSet;
import java.util.TreeSet;

/** The weeks and months (numbers of {@code Days}) in which a subject interacted. */
public record Activity(SortedSet<Integer> weeks, SortedSet<Integer> months) {

    public static Activity none() {
        return new Activity(new TreeSet<>(), new TreeSet<>());
    }

    public Activity copy() {
        return new Activity(new TreeSet<>(weeks), new TreeSet<>(months));
    }

    public Activity union(Activity other) {
        Activity both = copy();
        both.weeks.addAll(other.weeks);
        both.months.addAll(other.months);
        return both;
    }
}
