package io.waymark.simulator.truth;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.waymark.simulator.world.Clock;
import io.waymark.simulator.world.Person;
import io.waymark.simulator.world.PersonGenerator;
import io.waymark.simulator.world.Scenario;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntFunction;

/**
 * What the simulator knows about a world it played: its outcomes by the analytics' own definitions (stage
 * funnel, journey funnel, scores per touchpoint, churn), the world's design beside them, and what the same world
 * gives on average ({@code expected}: the same outcomes over many more people generated without the API).
 * Written as {@code truth.json} beside the run's output.
 */
public record Truth(World world, List<StageFunnel.Row> stages, Map<String, Long> currentStages,
                    Map<String, List<TouchpointReach.Row>> touchpoints, List<Scores.Row> scores,
                    Map<String, List<String>> badTouchpoints, Churn.Summary churn, Expected expected) {

    /** Which world, played when, over which period (the analytics' from and to). */
    public record World(String name, long seed, int people, String namespace, Instant now, LocalDate from, LocalDate to,
                        Map<String, UUID> journeyIds) {
    }

    /** Outcomes of {@code people} more people of the same world (another seed): the world's own rates. */
    public record Expected(int people, List<StageFunnel.Row> stages, Map<String, List<TouchpointReach.Row>> touchpoints) {
    }

    /** The truth of the people played; {@code linkTimes}: answers sent through invitation links, recorded then. */
    public static Truth of(Scenario scenario, World world, Clock clock, List<Person> people,
                           Map<Person.Answer, Instant> linkTimes, IntFunction<UUID> customerIds, Expected expected) {
        StageFunnel funnel = new StageFunnel(world.from(), world.to());
        TouchpointReach reach = new TouchpointReach(scenario, world.from(), world.to());
        Scores scores = new Scores(scenario, world.from(), world.to());
        for (Person p : people) {
            funnel.add(p, linkTimes);
            reach.add(p);
            scores.add(p, linkTimes);
        }
        Map<String, List<String>> bad = new java.util.LinkedHashMap<>();
        scenario.journeys().forEach(j -> bad.put(j.key(), j.touchpoints().entrySet().stream()
                .filter(e -> e.getValue().bad()).map(Map.Entry::getKey).toList()));
        return new Truth(world, funnel.rows(), funnel.currentStages(), reach.rows(), scores.rows(), bad,
                Churn.of(people, clock.now(), scenario.churn().silentDays(), customerIds), expected);
    }

    /** The same world's outcomes over {@code people} people of another seed, generated in memory one at a time. */
    public static Expected expected(Scenario scenario, Clock clock, long seed, int people, LocalDate from, LocalDate to) {
        PersonGenerator generator = new PersonGenerator(scenario, clock, seed ^ 0x5DEECE66DL);
        StageFunnel funnel = new StageFunnel(from, to);
        TouchpointReach reach = new TouchpointReach(scenario, from, to);
        for (int i = 0; i < people; i++) {
            Person p = generator.person(i);
            funnel.add(p, Map.of());
            reach.add(p);
        }
        return new Expected(people, funnel.rows(), reach.rows());
    }

    public void write(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            json().writeValue(file.toFile(), this);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    public static Truth read(Path file) {
        try {
            return json().readValue(file.toFile(), Truth.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static ObjectMapper json() {
        return new ObjectMapper().registerModule(new JavaTimeModule()).disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(SerializationFeature.INDENT_OUTPUT);
    }
}
