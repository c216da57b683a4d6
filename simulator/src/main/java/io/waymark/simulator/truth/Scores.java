package io.waymark.simulator.truth;

import io.waymark.simulator.world.Person;
import io.waymark.simulator.world.Scenario;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Survey answers per touchpoint, and the score analytics reports for them (GET /api/analytics/experience,
 * by=touchpoint): NPS (promoters 9–10 minus detractors 0–6, in points), CSAT (% of 4–5) or CES (mean); beside
 * it the value the world's score weights give, and its standard error for the sample (the test's tolerance).
 */
public final class Scores {

    /** The world's design for one survey: the score it should show, its mean, and the per-answer spread. */
    public record Designed(String kind, double value, double meanScore, double perAnswerSd) {

        public static Designed of(Scenario.Feedback f) {
            int offset = f.survey().equals("NPS") ? 0 : 1;
            double total = f.scores().stream().mapToDouble(d -> d).sum();
            double mean = 0;
            double squares = 0;
            double promoters = 0;
            double detractors = 0;
            double satisfied = 0;
            for (int i = 0; i < f.scores().size(); i++) {
                double p = f.scores().get(i) / total;
                int score = i + offset;
                mean += p * score;
                squares += p * score * score;
                promoters += score >= 9 ? p : 0;
                detractors += score <= 6 ? p : 0;
                satisfied += score >= 4 ? p : 0;
            }
            return switch (f.survey()) {
                case "NPS" -> new Designed("NPS", 100 * (promoters - detractors), mean,
                        100 * Math.sqrt(promoters + detractors - Math.pow(promoters - detractors, 2)));
                case "CSAT" -> new Designed("CSAT", 100 * satisfied, mean, 100 * Math.sqrt(satisfied * (1 - satisfied)));
                default -> new Designed("CES", mean, mean, Math.sqrt(squares - mean * mean));
            };
        }
    }

    /** What was answered at one touchpoint in the period: count, the reported score, the mean score. */
    public record Row(String journey, String touchpoint, String kind, long answers, Double value, Double meanScore,
                      Designed designed) {

        /** The standard error of {@code value} for this many answers, by the world's design. */
        public double standardError() {
            return answers == 0 ? Double.NaN : designed.perAnswerSd() / Math.sqrt(answers);
        }
    }

    private final LocalDate from;
    private final LocalDate to;
    private final Map<String, double[]> sums = new LinkedHashMap<>();
    private final Map<String, Scenario.Feedback> surveys = new LinkedHashMap<>();

    public Scores(Scenario scenario, LocalDate from, LocalDate to) {
        this.from = from;
        this.to = to;
        scenario.journeys().forEach(j -> j.touchpoints().forEach((key, b) -> {
            if (b.feedback() != null) {
                surveys.put(j.key() + ":" + key, b.feedback());
                sums.put(j.key() + ":" + key, new double[6]);
            }
        }));
    }

    public void add(Person p, Map<Person.Answer, Instant> linkTimes) {
        for (Person.Answer a : p.answers()) {
            Instant at = linkTimes.getOrDefault(a, a.at());
            LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
            if (day.isBefore(from) || day.isAfter(to)) {
                continue;
            }
            double[] s = sums.get(a.journey() + ":" + a.touchpoint());
            s[0]++;
            s[1] += a.score();
            s[2] += a.score() >= 9 ? 1 : 0;
            s[3] += a.score() <= 6 ? 1 : 0;
            s[4] += a.score() >= 4 ? 1 : 0;
        }
    }

    public List<Row> rows() {
        return sums.entrySet().stream().map(e -> {
            String[] key = e.getKey().split(":", 2);
            Scenario.Feedback f = surveys.get(e.getKey());
            double[] s = e.getValue();
            double n = s[0];
            Double value = n == 0 ? null : switch (f.survey()) {
                case "NPS" -> round(100 * (s[2] - s[3]) / n);
                case "CSAT" -> round(100 * s[4] / n);
                default -> round(s[1] / n);
            };
            return new Row(key[0], key[1], f.survey(), (long) n, value, n == 0 ? null : round(s[1] / n),
                    Designed.of(f));
        }).toList();
    }

    /** As analytics rounds its scores: to two decimals. */
    static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
