package io.waymark.simulator.truth;

import io.waymark.simulator.world.MapDocument;
import io.waymark.simulator.world.Person;
import io.waymark.simulator.world.Scenario;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The journey funnel as analytics defines it: per subject (a customer, or a visitor never identified) and
 * touchpoint only the first reach counts; a touchpoint is counted as reached on that day, and as gone on from
 * when a later touchpoint of the designed order was reached at the same time or after.
 */
public final class TouchpointReach {

    /**
     * One touchpoint: reached in the period, of those went on, their share, and the world's design beside:
     * the chance of going on from it ({@code designedGoOn}; null at the map's end) and whether it is a
     * deliberately bad one.
     */
    public record Row(String touchpoint, long reached, long wentOn, Double goOnShare, Double designedGoOn, boolean bad) {
    }

    private final LocalDate from;
    private final LocalDate to;
    private final Map<String, List<String>> orders = new HashMap<>();
    private final Map<String, Map<String, long[]>> counts = new LinkedHashMap<>();
    private final Scenario scenario;

    public TouchpointReach(Scenario scenario, LocalDate from, LocalDate to) {
        this.from = from;
        this.to = to;
        this.scenario = scenario;
        for (Scenario.Journey j : scenario.journeys()) {
            List<String> order = MapDocument.touchpointKeys(j.map());
            orders.put(j.key(), order);
            Map<String, long[]> byTouchpoint = new LinkedHashMap<>();
            order.forEach(t -> byTouchpoint.put(t, new long[2]));
            counts.put(j.key(), byTouchpoint);
        }
    }

    public void add(Person p) {
        Map<String, Map<String, Instant>> first = new HashMap<>();
        for (Person.Interaction i : p.interactions()) {
            first.computeIfAbsent(i.journey(), k -> new HashMap<>()).merge(i.touchpoint(), i.at(),
                    (a, b) -> a.isBefore(b) ? a : b);
        }
        first.forEach((journey, reached) -> {
            List<String> order = orders.get(journey);
            Map<String, long[]> rows = counts.get(journey);
            reached.forEach((touchpoint, at) -> {
                LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
                if (day.isBefore(from) || day.isAfter(to)) {
                    return;
                }
                long[] row = rows.get(touchpoint);
                row[0]++;
                int index = order.indexOf(touchpoint);
                for (int k = index + 1; k < order.size(); k++) {
                    Instant later = reached.get(order.get(k));
                    if (later != null && !later.isBefore(at)) {
                        row[1]++;
                        break;
                    }
                }
            });
        });
    }

    public Map<String, List<Row>> rows() {
        Map<String, List<Row>> out = new LinkedHashMap<>();
        counts.forEach((journey, rows) -> {
            List<String> order = orders.get(journey);
            out.put(journey, rows.entrySet().stream().map(e -> {
                Scenario.TouchpointBehaviour b = scenario.journey(journey).behaviour(e.getKey());
                long reached = e.getValue()[0];
                boolean last = order.indexOf(e.getKey()) == order.size() - 1;
                return new Row(e.getKey(), reached, e.getValue()[1], reached == 0 ? null : (double) e.getValue()[1] / reached,
                        last ? null : b.goOn(), b.bad());
            }).toList());
        });
        return out;
    }
}
