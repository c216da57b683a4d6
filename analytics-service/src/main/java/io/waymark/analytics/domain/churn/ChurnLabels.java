package io.waymark.analytics.domain.churn;

import io.waymark.analytics.domain.churn.CustomerHistory.ActiveDay;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Training examples from history: snapshots at past midnights, each with its label from the horizon that
 * follows it. Only customers who had not churned yet at a snapshot are asked about; the label needs the whole
 * horizon to lie in the past.
 */
public final class ChurnLabels {

    /** A snapshot and whether the customer churned within the horizon after it. */
    public record Example(ChurnFeatures.Snapshot snapshot, boolean churned) {
    }

    private ChurnLabels() {
    }

    /** Whether the customer churned within the horizon after {@code at}: marked lost, or not one interaction. */
    public static boolean churnedAfter(CustomerHistory h, Instant at, ChurnDefinition def) {
        Instant end = at.plus(def.horizon());
        if (h.lostMarks().stream().anyMatch(t -> !t.isBefore(at) && t.isBefore(end))) {
            return true;
        }
        LocalDate first = ChurnDefinition.lastDayAt(at).plusDays(1);
        LocalDate last = ChurnDefinition.lastDayAt(end);
        for (ActiveDay d : h.days()) {
            if (!d.day().isBefore(first) && !d.day().isAfter(last)) {
                return false;
            }
        }
        return true;
    }

    /** The examples of one customer at the given snapshot times (each complete: time + horizon before now). */
    public static List<Example> examples(CustomerHistory h, List<Instant> times, ChurnDefinition def) {
        List<Example> out = new ArrayList<>();
        for (Instant t : times) {
            if (atRisk(h, t, def)) {
                out.add(example(h, t, def, Set.of()));
            }
        }
        return out;
    }

    /** Whether the customer is asked about at {@code t}: a customer then, not churned yet. */
    public static boolean atRisk(CustomerHistory h, Instant t, ChurnDefinition def) {
        ChurnFeatures.Standing s = ChurnFeatures.standing(h, t, def);
        return s.customer() && !s.churned();
    }

    public static Example example(CustomerHistory h, Instant t, ChurnDefinition def, Set<String> painPoints) {
        return new Example(ChurnFeatures.asOf(h, t, def, painPoints), churnedAfter(h, t, def));
    }
}
