package io.waymark.simulator.world;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** The world's time: it plays the {@code days} up to {@code now} (a run's start, to the second). */
public record Clock(Instant now, int days) {

    public static Clock endingNow(int days) {
        return new Clock(Instant.now().truncatedTo(ChronoUnit.SECONDS), days);
    }

    public Instant start() {
        return now.minus(Duration.ofDays(days));
    }

    /** The first UTC day of the world (the analytics' `from`). */
    public LocalDate firstDay() {
        return LocalDate.ofInstant(start(), ZoneOffset.UTC);
    }

    public LocalDate today() {
        return LocalDate.ofInstant(now, ZoneOffset.UTC);
    }
}
