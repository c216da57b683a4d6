package io.waymark.simulator.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * The analytics benchmark's population, generated customer by customer (constant memory) and deterministic for
 * a seed: customers created over the last 120 days who move up the six lifecycle stages (some back one),
 * visitors never identified, interactions spread over each subject's life (some placed on one of five
 * journeys, walked touchpoint by touchpoint with drop-off), and survey answers. Each fact goes to a
 * {@link Sink}: as the event the owning service would publish, and as a raw row for the plain-SQL comparison.
 */
final class BenchWorld {

    static final String[] STAGES = {"AWARENESS", "CONSIDERATION", "PURCHASE", "ONBOARDING", "RETENTION", "ADVOCACY"};
    private static final double[] GO_ON = {0.6, 0.5, 0.7, 0.8, 0.3};
    private static final double[] MEAN_DAYS_IN = {3, 7, 2, 14, 30};
    static final int JOURNEYS = 5;
    static final int TOUCHPOINTS = 8;
    /** Per touchpoint of every journey: the chance to go on to the next one (index 3 is the bad one). */
    private static final double[] TOUCHPOINT_GO_ON = {0.85, 0.8, 0.8, 0.4, 0.85, 0.8, 0.75, 0.7};
    private static final String[] KINDS = {"NPS", "CSAT", "CES"};
    private static final String[] CHANNELS = {"web", "app", "email", "store", "phone"};
    private static final long DAY = 86_400;

    record Options(int customers, long interactions, int responses, long seed, Instant now) {
    }

    /** Where the generated facts go. */
    interface Sink {
        void journey(UUID id, int index);

        void created(UUID customer, String stage, long at);

        void moved(UUID customer, long version, int from, int to, long at, long secondsInPrevious);

        void interaction(String subject, boolean anonymous, long at, String channel, UUID journey, int touchpoint);

        void answer(UUID customer, String kind, int score, double normalized, Double sentiment, String stage,
                    String channel, UUID journey, int touchpoint, long at);
    }

    private final Options options;
    private final long now;
    private final long start;
    private final UUID[] journeys = new UUID[JOURNEYS];

    BenchWorld(Options options) {
        this.options = options;
        this.now = options.now().getEpochSecond();
        this.start = now - 120 * DAY;
        for (int j = 0; j < JOURNEYS; j++) {
            journeys[j] = new UUID(options.seed(), 0xB0000L + j);
        }
    }

    static String touchpointKey(int index) {
        return "tp-" + index;
    }

    UUID journey(int index) {
        return journeys[index];
    }

    void play(Sink sink) {
        for (int j = 0; j < JOURNEYS; j++) {
            sink.journey(journeys[j], j);
        }
        double interactionsEach = (double) options.interactions() / options.customers();
        double answerChance = (double) options.responses() / options.customers();
        SplittableRandom root = new SplittableRandom(options.seed());
        for (int i = 0; i < options.customers(); i++) {
            SplittableRandom r = root.split();
            boolean visitor = r.nextDouble() < 0.1;
            UUID id = new UUID(options.seed() ^ 0x5EED, i);
            long created = start + r.nextLong(120 * DAY);
            List<long[]> stages = visitor ? List.of() : stages(sink, id, created, r);
            String subject = visitor ? "v" + id : id.toString();
            long count = Math.max(1, Math.round(-interactionsEach * Math.log(1 - r.nextDouble())));
            int[] walked = walk(r);
            int journey = r.nextInt(JOURNEYS);
            long placed = Math.min(count, walked.length);
            long[] times = sortedTimes(r, created, placed);
            for (int k = 0; k < placed; k++) {
                sink.interaction(subject, visitor, times[k], CHANNELS[r.nextInt(CHANNELS.length)], journeys[journey], walked[k]);
            }
            for (long k = placed; k < count; k++) {
                sink.interaction(subject, visitor, created + r.nextLong(Math.max(1, now - created)),
                        CHANNELS[r.nextInt(CHANNELS.length)], null, -1);
            }
            if (!visitor && r.nextDouble() < answerChance / 0.9) {
                long at = created + r.nextLong(Math.max(1, now - created));
                int touchpoint = walked.length > 0 && r.nextBoolean() ? walked[r.nextInt(walked.length)] : -1;
                answer(sink, id, r, at, stageAt(stages, at), touchpoint < 0 ? null : journeys[journey], touchpoint);
            }
        }
    }

    /** Created in AWARENESS, then up the stages (5% of moves are followed by a step back and up again). */
    private List<long[]> stages(Sink sink, UUID id, long created, SplittableRandom r) {
        List<long[]> moves = new ArrayList<>();
        sink.created(id, STAGES[0], created);
        moves.add(new long[] {created, 0});
        long version = 1;
        long at = created;
        int stage = 0;
        while (stage < GO_ON.length && r.nextDouble() < GO_ON[stage]) {
            long stay = Math.max(60, Math.round(-MEAN_DAYS_IN[stage] * DAY * Math.log(1 - r.nextDouble())));
            if (at + stay >= now) {
                break;
            }
            sink.moved(id, ++version, stage, stage + 1, at + stay, stay);
            at += stay;
            stage++;
            moves.add(new long[] {at, stage});
            if (stage > 1 && r.nextDouble() < 0.05 && at + DAY < now) {
                sink.moved(id, ++version, stage, stage - 1, at + DAY / 2, DAY / 2);
                sink.moved(id, ++version, stage - 1, stage, at + DAY, DAY / 2);
                moves.add(new long[] {at + DAY / 2, stage - 1});
                moves.add(new long[] {at + DAY, stage});
                at += DAY;
            }
        }
        return moves;
    }

    private static String stageAt(List<long[]> moves, long at) {
        int stage = 0;
        for (long[] m : moves) {
            if (m[0] <= at) {
                stage = (int) m[1];
            }
        }
        return STAGES[stage];
    }

    /** The touchpoints one customer reaches, in order: on from each with the touchpoint's go-on chance. */
    private static int[] walk(SplittableRandom r) {
        int reached = 1;
        while (reached < TOUCHPOINTS && r.nextDouble() < TOUCHPOINT_GO_ON[reached - 1]) {
            reached++;
        }
        int[] walked = new int[reached];
        for (int t = 0; t < reached; t++) {
            walked[t] = t;
        }
        return walked;
    }

    private long[] sortedTimes(SplittableRandom r, long from, long n) {
        long[] times = new long[(int) n];
        long at = from;
        for (int k = 0; k < n; k++) {
            at = Math.min(now - 1, at + 60 + r.nextLong(2 * DAY));
            times[k] = at;
        }
        return times;
    }

    private static void answer(Sink sink, UUID id, SplittableRandom r, long at, String stage, UUID journey, int touchpoint) {
        String kind = KINDS[r.nextInt(KINDS.length)];
        boolean bad = touchpoint == 3;
        int score;
        double normalized;
        switch (kind) {
            case "NPS" -> {
                score = Math.min(10, Math.max(0, (int) Math.round((bad ? 4 : 8) + 2.5 * r.nextDouble() * 2 - 2.5)));
                normalized = score / 10.0;
            }
            case "CSAT" -> {
                score = 1 + Math.min(4, Math.max(0, (int) Math.round((bad ? 1.5 : 3.2) + r.nextDouble() * 2 - 1)));
                normalized = (score - 1) / 4.0;
            }
            default -> {
                score = 1 + Math.min(6, Math.max(0, (int) Math.round((bad ? 4.5 : 2) + r.nextDouble() * 2 - 1)));
                normalized = (7 - score) / 6.0;
            }
        }
        Double sentiment = r.nextDouble() < 0.4 ? Math.round((normalized * 2 - 1 + r.nextDouble() * 0.4 - 0.2) * 1000) / 1000.0 : null;
        sink.answer(id, kind, score, normalized, sentiment, stage, CHANNELS[r.nextInt(CHANNELS.length)], journey,
                touchpoint, at);
    }
}
