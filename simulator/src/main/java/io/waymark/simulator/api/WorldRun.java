package io.waymark.simulator.api;

import io.waymark.simulator.truth.StageFunnel;
import io.waymark.simulator.truth.Truth;
import io.waymark.simulator.world.Clock;
import io.waymark.simulator.world.DefaultRules;
import io.waymark.simulator.world.Person;
import io.waymark.simulator.world.PersonGenerator;
import io.waymark.simulator.world.Scenario;
import io.waymark.simulator.world.ScenarioLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Plays a world into a running Waymark through its public API, in the order that lets the product apply the
 * world's facts as they happened (docs/decisions/014): maps and surveys; customers (first seen in the past);
 * every interaction; every answer; agents' work on the cases. Then writes what it knows: truth.json.
 */
public final class WorldRun {

    /**
     * @param people        how many people (null: the world file's number)
     * @param namespace     names this run's records (emails, ids, trait {@code world}); a new one per run
     * @param profile       the apps' profile for topic and group names ("" for ./waymark up, "test" for tests)
     * @param expectedPeople how many more people to generate in memory for the world's expected rates (0: none)
     * @param onlyIfEmpty   do nothing when the stack already holds maps or customers (the first-start demo)
     * @param now           where the world's time ends (null: the run's start), so a caller can ask about the
     *                      same period before and after
     * @param days          how many days the world lasts (null: the world file's)
     */
    public record Options(Path worldFile, Integer people, long seed, String namespace, String profile, int expectedPeople,
                          Path outputDir, int lanes, boolean onlyIfEmpty, String gatewayUrl, String keycloakUrl,
                          String kafkaBootstrap, Instant now, Integer days) {
    }

    public record Counts(int people, long customers, long visitors, long interactions, long answers, long linkAnswers,
                         long casesOpened, long casesResolved, long casesClosed) {
    }

    /** What was done: null truth when the stack had data and the run was skipped. */
    public record Result(Truth truth, UUID segment, Map<String, UUID> journeyIds, Counts counts, double seconds,
                         Path output) {

        public boolean skipped() {
            return truth == null;
        }
    }

    private static final Duration WAIT = Duration.ofMinutes(5);

    private final Options options;

    public WorldRun(Options options) {
        this.options = options;
    }

    public Result run(Progress progress) {
        Scenario loaded = ScenarioLoader.load(options.worldFile());
        Scenario scenario = options.days() == null ? loaded : loaded.over(options.days());
        Clock clock = options.now() == null ? Clock.endingNow(scenario.days()) : new Clock(options.now(), scenario.days());
        int size = options.people() == null ? scenario.people() : options.people();
        Gateway gateway = new Gateway(options.gatewayUrl(), options.keycloakUrl());
        WorldSetup setup = new WorldSetup(gateway);
        if (options.onlyIfEmpty() && setup.hasData()) {
            return new Result(null, null, Map.of(), null, progress.seconds(), null);
        }
        progress.phase("playing the world", size);
        PersonGenerator generator = new PersonGenerator(scenario, clock, options.seed());
        List<Person> people = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            people.add(generator.person(i));
            progress.advance(1);
        }
        Names names = new Names(options.namespace());
        progress.phase("maps and surveys", scenario.journeys().size());
        setup.checkRules();
        Map<String, UUID> journeyIds = setup.publishMaps(scenario, options.onlyIfEmpty() ? null : options.namespace());
        Map<String, UUID> surveys = setup.activateSurveys(scenario, journeyIds);
        UUID segment = setup.segment(options.namespace(), scenario.name());
        progress.advance(scenario.journeys().size());

        long known = people.stream().filter(Person::identified).count();
        progress.phase("customers", known);
        Map<Integer, UUID> customerIds = new CustomerLoader(gateway, names, progress).identify(people, options.lanes());
        Waits waits = new Waits(gateway, options.kafkaBootstrap(), new Waits.Streams(options.profile()));
        waits.journeyServiceKnowsTheCustomers(WAIT);

        long interactions = people.stream().mapToLong(p -> p.interactions().size()).sum();
        progress.phase("interactions", interactions);
        InteractionSender sender = new InteractionSender(gateway, names, progress);
        sender.send(people, customerIds, journeyIds, options.lanes());

        // while customer-service applies the rules to the interactions: every answer that moves nobody, and the
        // agents' work on the cases they open; a promoter's answer waits until its customer is in RETENTION
        Map<Person.Answer, Person> viaLinks = linkAnswers(people, scenario.links().answers());
        long answers = people.stream().filter(Person::identified).mapToLong(p -> p.answers().size()).sum();
        progress.phase("survey answers", answers);
        AnswerSender answerSender = new AnswerSender(gateway, names, progress);
        answerSender.sendFromSystems(people, customerIds, surveys, viaLinks.keySet(), a -> !AnswerSender.promoter(a),
                options.lanes());
        progress.phase("agents on cases", 0);
        Agents.Work work = new Agents(gateway, scenario.agents(), options.seed()).work(journeyIds.values(), progress,
                options.lanes());
        progress.phase("lifecycle rules", 1);
        waits.stagesAre(options.namespace(), stages(people, null), WAIT, progress);
        progress.phase("promoters' answers", people.stream().filter(Person::identified)
                .mapToLong(p -> p.answers().stream().filter(AnswerSender::promoter).count()).sum() + viaLinks.size());
        answerSender.sendFromSystems(people, customerIds, surveys, viaLinks.keySet(), AnswerSender::promoter, options.lanes());
        Map<Person.Answer, Instant> linkTimes = new IdentityHashMap<>(answerSender.sendThroughLinks(viaLinks, customerIds, surveys));
        progress.phase("advocates", 1);
        waits.stagesAre(options.namespace(), stages(people, linkTimes), WAIT, progress);
        progress.finishLine();

        Truth.Expected expected = options.expectedPeople() <= 0 ? null
                : Truth.expected(scenario, clock, options.seed(), options.expectedPeople(), clock.firstDay(), clock.today());
        Truth.World world = new Truth.World(scenario.name(), options.seed(), size, options.namespace(), clock.now(),
                clock.firstDay(), clock.today(), journeyIds);
        Truth truth = Truth.of(scenario, world, clock, people, linkTimes, customerIds::get, expected);
        Path output = options.outputDir();
        truth.write(output.resolve("truth.json"));
        Counts counts = new Counts(size, known, size - known, sender.accepted() + sender.duplicates(), answers,
                linkTimes.size(), answerSender.casesOpened(), work.resolved(), work.closed());
        return new Result(truth, segment, journeyIds, counts, progress.seconds(), output);
    }

    /** The world's customers per stage once customer-service has applied the rules (answers: null for none yet). */
    static Map<String, Long> stages(List<Person> people, Map<Person.Answer, Instant> linkTimes) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (DefaultRules.Stage s : DefaultRules.Stage.values()) {
            counts.put(s.name(), 0L);
        }
        for (Person p : people) {
            if (!p.identified()) {
                continue;
            }
            DefaultRules rules;
            if (linkTimes == null) {
                rules = new DefaultRules(p.firstSeen(), Instant.MAX);
                p.interactions().forEach(i -> rules.interaction(i.type(), i.at()));
            } else {
                rules = StageFunnel.replay(p, linkTimes);
            }
            counts.merge(rules.stage().name(), 1L, Long::sum);
        }
        return counts;
    }

    /** The newest answers of customers who consented to surveys: those come through invitation links. */
    static Map<Person.Answer, Person> linkAnswers(List<Person> people, int count) {
        List<Map.Entry<Person.Answer, Person>> all = new ArrayList<>();
        for (Person p : people) {
            if (p.identified() && p.consents()) {
                p.answers().forEach(a -> all.add(Map.entry(a, p)));
            }
        }
        all.sort(Comparator.comparing((Map.Entry<Person.Answer, Person> e) -> e.getKey().at()).reversed());
        Map<Person.Answer, Person> chosen = new IdentityHashMap<>();
        all.stream().limit(count).forEach(e -> chosen.put(e.getKey(), e.getValue()));
        return chosen;
    }

}
