package io.waymark.simulator;

import io.waymark.simulator.world.Clock;
import io.waymark.simulator.world.Person;
import io.waymark.simulator.world.PersonGenerator;
import io.waymark.simulator.world.Scenario;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A simulated world's traffic, replayed as it would arrive live: the interactions its people make (types, channels,
 * touchpoints, in the world's mix and order), as anonymous visitors of this run, stamped now, on the world's maps
 * when the stack has them published ({@code journeyIds}; else placed by type). The sequence repeats with new
 * visitors when it runs out. JSON is written directly, as for the benchmark's random traffic.
 */
final class WorldTraffic implements TrafficSource {

    /** One recorded step of a person: the fixed part of its JSON, and whose it is. */
    private record Step(int person, String fixed) {
    }

    private final List<Step> steps = new ArrayList<>();
    private final int people;
    private final String run;
    private final AtomicLong cursor = new AtomicLong();

    WorldTraffic(Scenario scenario, long seed, int people, Map<String, UUID> journeyIds) {
        this.people = people;
        this.run = Long.toString(System.currentTimeMillis(), 36);
        PersonGenerator generator = new PersonGenerator(scenario, Clock.endingNow(scenario.days()), seed);
        for (int i = 0; i < people; i++) {
            Person p = generator.person(i);
            for (Person.Interaction step : p.interactions()) {
                StringBuilder fixed = new StringBuilder("\",\"type\":\"").append(step.type())
                        .append("\",\"channel\":\"").append(step.channel()).append('"');
                UUID journey = journeyIds.get(step.journey());
                if (journey != null) {
                    fixed.append(",\"journeyId\":\"").append(journey).append("\",\"touchpointKey\":\"")
                            .append(step.touchpoint()).append('"');
                }
                steps.add(new Step(i, fixed.append(",\"properties\":{\"world\":\"load\"}}").toString()));
            }
        }
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("the world's people record no interactions");
        }
    }

    int size() {
        return steps.size();
    }

    @Override
    public String next(int size) {
        long first = cursor.getAndAdd(size);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String now = Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
        StringBuilder json = new StringBuilder(size * 300).append('[');
        for (int i = 0; i < size; i++) {
            long n = first + i;
            Step step = steps.get((int) (n % steps.size()));
            long round = n / steps.size();
            if (i > 0) {
                json.append(',');
            }
            json.append("{\"id\":\"").append(InteractionBatches.randomId(random))
                    .append("\",\"anonymousId\":\"load-").append(run).append('-').append(round * people + step.person())
                    .append("\",\"occurredAt\":\"").append(now).append(step.fixed());
        }
        return json.append(']').toString();
    }
}
