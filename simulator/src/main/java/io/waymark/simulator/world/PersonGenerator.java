package io.waymark.simulator.world;

import io.waymark.simulator.world.Person.Driver;
import io.waymark.simulator.world.Person.Interaction;
import io.waymark.simulator.world.Scenario.Journey;
import io.waymark.simulator.world.Scenario.Persona;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Plays people through the world, each from their own random stream (the seed and their index), so person n is
 * the same whatever else is generated: persona, arrival, their journey walk, a support call once they are a
 * customer, their use of the product, and whether they go silent (churn) and why.
 */
public final class PersonGenerator {

    private static final double MAX_CHURN = 0.95;

    private final Scenario scenario;
    private final Clock clock;
    private final long seed;
    private final JourneyWalk walk;

    public PersonGenerator(Scenario scenario, Clock clock, long seed) {
        this.scenario = scenario;
        this.clock = clock;
        this.seed = seed;
        this.walk = new JourneyWalk(scenario, clock.now());
    }

    public Person person(int index) {
        RandomGenerator random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index * 0xC2B2AE3D27D4EB4FL + 1);
        Persona persona = persona(random);
        Instant arrival = clock.start().plusMillis((long) (random.nextDouble() * Duration.ofDays(scenario.arrivalDays()).toMillis()));
        boolean anonymousFirst = random.nextDouble() < persona.anonymousFirst();
        boolean consents = random.nextDouble() < persona.consents();
        JourneyWalk.Life life = new JourneyWalk.Life(persona, anonymousFirst, anonymousFirst ? null : arrival,
                new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        Journey home = scenario.journey(persona.journey());
        Instant lastStep = walk.walk(home, arrival, life, random);

        DefaultRules rules = stages(arrival, life.interactions);
        Instant retained = rules.firstReached().get(DefaultRules.Stage.RETENTION);
        boolean supportDraw = random.nextDouble() < persona.support();
        Duration supportAfter = exponential(random, scenario.churn().supportAfterDays());
        if (retained != null && supportDraw && scenario.churn().supportJourney() != null) {
            Instant call = retained.plus(supportAfter);
            if (call.isBefore(clock.now())) {
                Instant end = walk.walk(scenario.journey(scenario.churn().supportJourney()), call, life, random);
                lastStep = end.isAfter(lastStep) ? end : lastStep;
            }
        }
        boolean purchased = rules.firstReached().containsKey(DefaultRules.Stage.PURCHASE) && life.identifiedAt != null;
        double chance = Math.min(MAX_CHURN, persona.churn() + life.drivers.stream().mapToDouble(Driver::adds).sum());
        boolean willChurn = purchased && random.nextDouble() < chance;
        Duration silentAfter = exponential(random, scenario.churn().afterDays());
        Instant silentFrom = willChurn ? lastStep.plus(silentAfter) : null;
        if (retained != null && home.activity() != null) {
            use(home, retained, silentFrom == null ? clock.now() : silentFrom, life, random);
        }
        life.interactions.sort(Comparator.comparing(Interaction::at));
        life.answers.sort(Comparator.comparing(Person.Answer::at));
        return new Person(index, persona, arrival, life.identifiedAt, consents, List.copyOf(life.interactions),
                List.copyOf(life.answers), List.copyOf(life.drivers), willChurn,
                silentFrom != null && silentFrom.isBefore(clock.now()) ? silentFrom : null);
    }

    /** The stages the default rules give for these interactions (in time order). */
    private DefaultRules stages(Instant firstSeen, List<Interaction> interactions) {
        DefaultRules rules = new DefaultRules(firstSeen, clock.now());
        interactions.stream().sorted(Comparator.comparing(Interaction::at)).forEach(i -> rules.interaction(i.type(), i.at()));
        return rules;
    }

    /** A customer using the product: the journey's activity every few days (on average) from retention until silent. */
    private void use(Journey journey, Instant from, Instant until, JourneyWalk.Life life, RandomGenerator random) {
        String channel = MapDocument.touchpoints(journey.map()).get(journey.activity().touchpoint()).channel();
        Instant t = from.plus(exponential(random, journey.activity().everyDays()));
        while (t.isBefore(until) && !t.isAfter(clock.now())) {
            life.interactions.add(new Interaction(t, journey.key(), journey.activity().touchpoint(),
                    journey.activity().type(), channel, false));
            t = t.plus(exponential(random, journey.activity().everyDays()));
        }
    }

    private Persona persona(RandomGenerator random) {
        Map<String, Double> shares = new LinkedHashMap<>();
        scenario.personas().forEach(p -> shares.put(p.key(), p.share()));
        String key = JourneyWalk.pick(shares, random);
        return scenario.personas().stream().filter(p -> p.key().equals(key)).findFirst().orElseThrow();
    }

    static Duration exponential(RandomGenerator random, double meanDays) {
        double days = -meanDays * Math.log(1 - random.nextDouble());
        return Duration.ofSeconds(Math.max(1, Math.round(days * 86_400)));
    }
}
