package io.waymark.analytics.domain.churn;

import io.waymark.contracts.LifecycleStage;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * What churn means: a customer (one who reached {@code fromStage} or a later stage) who then has no interaction
 * for {@code inactivityDays}, or is explicitly marked lost. Facts count at an instant {@code t} only if they
 * happened before it: a day's activity counts from the day's start, so a snapshot at midnight sees the days
 * before it and none of the day it opens.
 */
public record ChurnDefinition(String fromStage, int inactivityDays) {

    public static ChurnDefinition of(ChurnConfig config) {
        return new ChurnDefinition(config.customerFromStage(), config.inactivityDays());
    }

    public Duration horizon() {
        return Duration.ofDays(inactivityDays);
    }

    /** The last day whose activity counts at {@code t}. */
    public static LocalDate lastDayAt(Instant t) {
        return LocalDate.ofInstant(t.minusNanos(1), ZoneOffset.UTC);
    }

    /** Whether a stage (by name) is {@code fromStage} or later; names this version does not know are not. */
    public boolean isCustomerStage(String stage) {
        return order(stage) >= order(fromStage);
    }

    public static int order(String stage) {
        for (LifecycleStage s : LifecycleStage.values()) {
            if (s.name().equals(stage)) {
                return s.ordinal();
            }
        }
        return -1;
    }
}
