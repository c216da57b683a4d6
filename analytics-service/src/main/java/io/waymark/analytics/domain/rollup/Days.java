package io.waymark.analytics.domain.rollup;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Read models count by UTC day (late and out-of-order events land in the day they happened), and retention
 * by week (Monday to Sunday, UTC) or calendar month, numbered from the epoch so cohorts and offsets are integers.
 */
public final class Days {

    private Days() {
    }

    public static LocalDate of(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC);
    }

    public static LocalDate of(OffsetDateTime at) {
        return of(at.toInstant());
    }

    /** Week number: week 0 is the week of Monday 1969-12-29. */
    public static int week(LocalDate day) {
        return (int) Math.floorDiv(day.toEpochDay() + 3, 7);
    }

    public static LocalDate weekStart(int week) {
        return LocalDate.ofEpochDay(week * 7L - 3);
    }

    /** Month number: 0 is January 1970. */
    public static int month(LocalDate day) {
        return (day.getYear() - 1970) * 12 + day.getMonthValue() - 1;
    }

    public static LocalDate monthStart(int month) {
        return LocalDate.of(1970 + Math.floorDiv(month, 12), Math.floorMod(month, 12) + 1, 1);
    }
}
