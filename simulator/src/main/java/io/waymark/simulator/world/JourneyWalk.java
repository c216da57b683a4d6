package io.waymark.simulator.world;

import io.waymark.simulator.world.Person.Answer;
import io.waymark.simulator.world.Person.Driver;
import io.waymark.simulator.world.Person.Interaction;
import io.waymark.simulator.world.Scenario.Feedback;
import io.waymark.simulator.world.Scenario.Journey;
import io.waymark.simulator.world.Scenario.TouchpointBehaviour;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * One person walking one journey map: from a start touchpoint through the map's designed order, visiting each
 * touchpoint with its {@code visit} chance, recording its interactions, maybe answering its survey, going on with
 * its {@code goOn} chance after its delay, until they stop, reach the end, or reach now (the rest is the future).
 */
final class JourneyWalk {

    /** What the person is and has done so far, shared by their walks. */
    static final class Life {
        final Scenario.Persona persona;
        final boolean anonymousFirst;
        Instant identifiedAt;
        final List<Interaction> interactions;
        final List<Answer> answers;
        final List<Driver> drivers;

        Life(Scenario.Persona persona, boolean anonymousFirst, Instant identifiedAt, List<Interaction> interactions,
             List<Answer> answers, List<Driver> drivers) {
            this.persona = persona;
            this.anonymousFirst = anonymousFirst;
            this.identifiedAt = identifiedAt;
            this.interactions = interactions;
            this.answers = answers;
            this.drivers = drivers;
        }

        boolean anonymousAt(Instant at) {
            return identifiedAt == null || at.isBefore(identifiedAt);
        }
    }

    private final Scenario scenario;
    private final Instant now;

    JourneyWalk(Scenario scenario, Instant now) {
        this.scenario = scenario;
        this.now = now;
    }

    /** Walks {@code journey} from {@code from}; returns the time of the last step (or {@code from}). */
    Instant walk(Journey journey, Instant from, Life life, RandomGenerator random) {
        List<String> order = MapDocument.touchpointKeys(journey.map());
        Map<String, MapDocument.Touchpoint> designed = MapDocument.touchpoints(journey.map());
        int k = order.indexOf(pick(journey.start(), random));
        Instant t = from;
        Instant last = from;
        while (!t.isAfter(now)) {
            String key = order.get(k);
            TouchpointBehaviour b = journey.behaviour(key);
            if (life.anonymousFirst && life.identifiedAt == null && b.identifies()) {
                life.identifiedAt = t;
            }
            Duration delay = b.delay().sample(random);
            Duration gap = Duration.ofMillis(Math.max(1000, Math.min(60_000, delay.toMillis() / (b.types().size() + b.onGoOn().size() + 2))));
            String channel = designed.get(key).channel();
            Instant at = t;
            for (String type : b.types()) {
                last = record(life, journey.key(), key, type, channel, at);
                at = at.plus(gap);
            }
            if (b.feedback() != null) {
                answer(journey.key(), key, b, life, t, random);
            }
            if (b.bad() && b.churn() > 0) {
                life.drivers.add(new Driver("hit a bad touchpoint", journey.key(), key, b.churn()));
            }
            if (k == order.size() - 1 || random.nextDouble() >= b.goOn()) {
                break;
            }
            for (String type : b.onGoOn()) {
                if (at.isAfter(now)) {
                    break;
                }
                last = record(life, journey.key(), key, type, channel, at);
                at = at.plus(gap);
            }
            t = t.plus(delay);
            k++;
            while (k < order.size() - 1 && random.nextDouble() >= journey.behaviour(order.get(k)).visit()) {
                k++;
            }
        }
        return last;
    }

    private Instant record(Life life, String journey, String touchpoint, String type, String channel, Instant at) {
        if (!at.isAfter(now)) {
            life.interactions.add(new Interaction(at, journey, touchpoint, type, channel, life.anonymousAt(at)));
        }
        return at;
    }

    /** Maybe an answer to the touchpoint's survey a little after the visit, by people known by then. */
    private void answer(String journey, String touchpoint, TouchpointBehaviour b, Life life, Instant visit,
                        RandomGenerator random) {
        Feedback f = b.feedback();
        if (random.nextDouble() >= Math.min(1, f.chance() * life.persona.answers())) {
            return;
        }
        Instant at = visit.plus(Duration.ofSeconds(60 + random.nextInt(2 * 3600)));
        int score = pickIndex(f.scores(), random) + (f.survey().equals("NPS") ? 0 : 1);
        String comment = random.nextDouble() < f.comments() ? phrase(f, mood(f.survey(), score), random) : null;
        if (at.isAfter(now) || life.anonymousAt(at)) {
            return;
        }
        Answer answer = new Answer(at, journey, touchpoint, f.survey(), score, comment);
        life.answers.add(answer);
        if (answer.unhappy() && scenario.churn().detractor() > 0) {
            life.drivers.add(new Driver("an unhappy answer", journey, touchpoint, scenario.churn().detractor()));
        }
    }

    static String mood(String kind, int score) {
        double normalized = switch (kind) {
            case "NPS" -> score / 10.0;
            case "CSAT" -> (score - 1) / 4.0;
            default -> (7 - score) / 6.0;
        };
        return normalized >= 0.7 ? "happy" : normalized <= 0.4 ? "unhappy" : "neutral";
    }

    private String phrase(Feedback f, String mood, RandomGenerator random) {
        List<String> own = f.phrases().getOrDefault(mood, List.of());
        List<String> phrases = own.isEmpty() ? scenario.comments().get(mood) : own;
        return phrases.get(random.nextInt(phrases.size()));
    }

    static String pick(Map<String, Double> weights, RandomGenerator random) {
        double total = weights.values().stream().mapToDouble(d -> d).sum();
        double x = random.nextDouble() * total;
        String chosen = null;
        for (Map.Entry<String, Double> e : weights.entrySet()) {
            chosen = e.getKey();
            x -= e.getValue();
            if (x < 0) {
                break;
            }
        }
        return chosen;
    }

    static int pickIndex(List<Double> weights, RandomGenerator random) {
        double total = weights.stream().mapToDouble(d -> d).sum();
        double x = random.nextDouble() * total;
        for (int i = 0; i < weights.size(); i++) {
            x -= weights.get(i);
            if (x < 0) {
                return i;
            }
        }
        return weights.size() - 1;
    }
}
