package io.waymark.simulator.truth;

import io.waymark.simulator.world.DefaultRules;
import io.waymark.simulator.world.Person;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntFunction;

/**
 * Who churned and why, by the definition the churn-risk analysis uses: a customer who bought, then had no
 * interaction for {@code silentDays}. Beside each churner the drivers that pushed them (bad touchpoints hit,
 * unhappy answers); per driver how many buyers met it and how many of them churned, against buyers who met none.
 */
public final class Churn {

    /**
     * A churner: who, their last interaction, the drivers they met, and where they stopped when they never became
     * a retained customer (bought, but never completed onboarding: {@code stoppedAt} journey/touchpoint).
     */
    public record Churner(int person, UUID customerId, String persona, Instant lastInteraction, List<String> drivers,
                          String stoppedAt) {
    }

    public record DriverRate(String driver, long buyers, long churned, double rate) {
    }

    /**
     * @param churned             churners as of now
     * @param silentNotYetChurned buyers who went silent less than {@code silentDays} ago (churners tomorrow)
     * @param byDriver            churn among buyers who met each driver; "none" for buyers who met none
     */
    public record Summary(int silentDays, long buyers, List<Churner> churned, long silentNotYetChurned,
                          List<DriverRate> byDriver) {
    }

    private Churn() {
    }

    public static Summary of(List<Person> people, Instant now, int silentDays, IntFunction<UUID> customerIds) {
        Instant cutoff = now.minus(Duration.ofDays(silentDays));
        List<Churner> churned = new ArrayList<>();
        long buyers = 0;
        long silent = 0;
        Map<String, long[]> drivers = new LinkedHashMap<>();
        for (Person p : people) {
            Map<DefaultRules.Stage, Instant> reached = p.identified() ? StageFunnel.replay(p, Map.of()).firstReached() : Map.of();
            if (!reached.containsKey(DefaultRules.Stage.PURCHASE)) {
                continue;
            }
            buyers++;
            boolean isChurned = !p.lastInteraction().isAfter(cutoff);
            List<String> met = p.drivers().stream().map(Person.Driver::describe).distinct().toList();
            for (String d : met.isEmpty() ? List.of("none") : met) {
                long[] c = drivers.computeIfAbsent(d, k -> new long[2]);
                c[0]++;
                c[1] += isChurned ? 1 : 0;
            }
            if (isChurned) {
                Person.Interaction last = p.interactions().get(p.interactions().size() - 1);
                churned.add(new Churner(p.index(), customerIds.apply(p.index()), p.persona().key(), p.lastInteraction(), met,
                        reached.containsKey(DefaultRules.Stage.RETENTION) ? null : last.journey() + "/" + last.touchpoint()));
            } else if (p.silentFrom() != null) {
                silent++;
            }
        }
        List<DriverRate> rates = drivers.entrySet().stream()
                .map(e -> new DriverRate(e.getKey(), e.getValue()[0], e.getValue()[1], (double) e.getValue()[1] / e.getValue()[0]))
                .sorted((a, b) -> Double.compare(b.rate(), a.rate())).toList();
        return new Summary(silentDays, buyers, churned, silent, rates);
    }
}
