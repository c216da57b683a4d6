package io.waymark.analytics.domain.churn;

import java.util.Locale;

/** A feature's value in plain words, as a retention team reads it ("no interaction for 41 days"). */
public final class ChurnExplanations {

    private ChurnExplanations() {
    }

    public static String words(String feature, double value, ChurnFeatures.Snapshot s, TouchpointNames names) {
        long n = Math.round(value);
        return switch (feature) {
            case ChurnFeatures.DAYS_SINCE_LAST -> n == 0 ? "interacted today" : "no interaction for " + n + " days";
            case ChurnFeatures.ACTIVE_7 -> "active on " + n + " of the last 7 days";
            case ChurnFeatures.ACTIVE_30 -> "active on " + n + " of the last 30 days";
            case ChurnFeatures.ACTIVE_90 -> "active on " + n + " of the last 90 days";
            case ChurnFeatures.TREND -> (value < 0 ? "activity falling: " : "activity steady or rising: ")
                    + format(value) + " active days against the 30-day average before";
            case ChurnModel.DAYS_IN_STAGE_VS_MEDIAN -> Double.isNaN(value) ? "time in stage unknown"
                    : format(value) + "× the median time in " + s.stage();
            case ChurnFeatures.BACKWARD -> n + " backward stage move" + (n == 1 ? "" : "s") + " in 90 days";
            case ChurnFeatures.DETRACTOR -> s.detractor() == null ? "no detractor score"
                    : "detractor score (" + s.detractor().score() + ")"
                    + (s.detractor().touchpoint() == null ? "" : " at " + names.of(s.detractor().touchpoint()));
            case ChurnFeatures.LAST_NPS, ChurnFeatures.LAST_CSAT, ChurnFeatures.LAST_CES -> Double.isNaN(value)
                    ? "no " + feature.substring(5).toUpperCase(Locale.ROOT) + " answer yet"
                    : "last " + feature.substring(5).toUpperCase(Locale.ROOT) + " answer " + percent(value) + " of the best";
            case ChurnFeatures.SCORE_TREND -> Double.isNaN(value) ? "one answer or none"
                    : "answers " + (value < 0 ? "worse" : "better or the same") + " than the one before ("
                    + (value < 0 ? "" : "+") + percent(value) + ")";
            case ChurnFeatures.NEGATIVE_COMMENTS -> n + " negative comment" + (n == 1 ? "" : "s") + " in 90 days";
            case ChurnFeatures.UNHAPPY -> n + " unhappy answer" + (n == 1 ? "" : "s") + " in 90 days";
            case ChurnFeatures.PAIN_POINTS -> n == 0 ? "met no known pain point in 90 days"
                    : "met " + n + " known pain point" + (n == 1 ? "" : "s") + " in 90 days: "
                    + String.join(", ", s.painPointsHit().stream().map(names::of).toList());
            case ChurnFeatures.OPEN_CASES -> n + " open case" + (n == 1 ? "" : "s");
            case ChurnFeatures.OVERDUE_CASES -> n + " overdue case" + (n == 1 ? "" : "s");
            default -> other(feature, value);
        };
    }

    private static String other(String feature, double value) {
        if (feature.startsWith(ChurnFeatures.STAGE)) {
            return (value > 0 ? "in stage " : "not in stage ") + feature.substring(ChurnFeatures.STAGE.length());
        }
        if (feature.startsWith(ChurnFeatures.CHANNEL)) {
            return percent(value) + " of the last 90 days' activity on " + feature.substring(ChurnFeatures.CHANNEL.length());
        }
        return feature + " = " + format(value);
    }

    private static String percent(double share) {
        return Math.round(share * 100) + "%";
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
