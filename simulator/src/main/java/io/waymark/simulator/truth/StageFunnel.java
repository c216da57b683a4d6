package io.waymark.simulator.truth;

import io.waymark.simulator.world.DefaultRules;
import io.waymark.simulator.world.DefaultRules.Stage;
import io.waymark.simulator.world.Person;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The lifecycle funnel as analytics defines it (docs/decisions/012): per stage, the customers who first reached it
 * in the period, and of those who reached a later stage afterwards. First reaches come from the default rules
 * applied in the order the simulator sends: every interaction, then the answers (docs/decisions/014).
 */
public final class StageFunnel {

    /** One stage: reached, converted, and the share (null when nobody reached it). */
    public record Row(String stage, long reached, long converted, Double conversion) {
    }

    private final LocalDate from;
    private final LocalDate to;
    private final long[] reached = new long[Stage.values().length];
    private final long[] converted = new long[Stage.values().length];
    private final long[] current = new long[Stage.values().length];

    public StageFunnel(LocalDate from, LocalDate to) {
        this.from = from;
        this.to = to;
    }

    /** The stages a person reached as a customer (none for a visitor who never left an email). */
    public static DefaultRules replay(Person p, Map<Person.Answer, Instant> linkTimes) {
        DefaultRules rules = new DefaultRules(p.firstSeen(), Instant.MAX);
        p.interactions().forEach(i -> rules.interaction(i.type(), i.at()));
        p.answers().stream().filter(a -> !linkTimes.containsKey(a)).forEach(a -> rules.answer(a.kind(), a.score(), a.at()));
        List<Person.Answer> links = new ArrayList<>(p.answers().stream().filter(linkTimes::containsKey).toList());
        links.sort(Comparator.comparing(linkTimes::get));
        links.forEach(a -> rules.answer(a.kind(), a.score(), linkTimes.get(a)));
        return rules;
    }

    public void add(Person p, Map<Person.Answer, Instant> linkTimes) {
        if (!p.identified()) {
            return;
        }
        DefaultRules rules = replay(p, linkTimes);
        current[rules.stage().ordinal()]++;
        Map<Stage, Instant> first = rules.firstReached();
        for (Map.Entry<Stage, Instant> e : first.entrySet()) {
            LocalDate day = LocalDate.ofInstant(e.getValue(), ZoneOffset.UTC);
            if (day.isBefore(from) || day.isAfter(to)) {
                continue;
            }
            int s = e.getKey().ordinal();
            reached[s]++;
            boolean later = first.entrySet().stream()
                    .anyMatch(o -> o.getKey().ordinal() > s && !o.getValue().isBefore(e.getValue()));
            if (later) {
                converted[s]++;
            }
        }
    }

    public List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        for (Stage s : Stage.values()) {
            int i = s.ordinal();
            rows.add(new Row(s.name(), reached[i], converted[i], reached[i] == 0 ? null : (double) converted[i] / reached[i]));
        }
        return rows;
    }

    /** Customers in each stage now (what GET /api/analytics/stages shows for this world). */
    public Map<String, Long> currentStages() {
        Map<String, Long> out = new java.util.LinkedHashMap<>();
        for (Stage s : Stage.values()) {
            out.put(s.name(), current[s.ordinal()]);
        }
        return out;
    }
}
