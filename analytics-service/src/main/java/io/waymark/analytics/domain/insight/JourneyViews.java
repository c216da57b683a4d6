package io.waymark.analytics.domain.insight;

import io.waymark.analytics.domain.rollup.Experience;
import io.waymark.analytics.domain.insight.JourneyAnalytics.Journey;
import io.waymark.analytics.domain.insight.JourneyAnalytics.Measured;
import io.waymark.contracts.journey.JourneyPublished;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * The answers about one journey, from its measured touchpoints: the touchpoint funnel, the pain-point ranking
 * (docs/decisions/012-journey-analytics.md gives the score) and designed versus actual emotion.
 */
public final class JourneyViews {

    /** Weights of the pain-point score's components (they add up to 1). */
    static final double W_DROP_OFF = 0.35;
    static final double W_UNHAPPY = 0.25;
    static final double W_NEGATIVE = 0.15;
    static final double W_OVER_TIME = 0.15;
    static final double W_CASES = 0.10;

    private JourneyViews() {
    }

    public record FunnelStep(String stageKey, String stageName, String key, String name, long reached, Long wentOn,
                             Long dropOff, Double dropOffShare, Double medianSecondsToNext) {
    }

    public record JourneyFunnel(UUID journeyId, int version, String name, List<FunnelStep> touchpoints) {
    }

    public static JourneyFunnel funnel(Journey j) {
        List<FunnelStep> steps = new ArrayList<>();
        for (Measured m : j.touchpoints()) {
            steps.add(new FunnelStep(m.stage().key(), m.stage().name(), m.touchpoint().key(), m.touchpoint().name(),
                    m.reached(), m.last() ? null : m.wentOn(), m.last() ? null : m.reached() - m.wentOn(),
                    round(m.dropOffShare()), m.medianSecondsToNext()));
        }
        return new JourneyFunnel(j.version().journeyId(), j.version().version(), j.version().name(), steps);
    }

    /** Each component on 0..1 (0: no sign of pain), and the facts it comes from. */
    public record Components(double dropOff, double unhappy, double negativeComments, double overTime, double openCases,
                             double volume) {
    }

    public record Facts(long reached, Double dropOffShare, long answers, Double unhappyShare, long comments,
                        Double negativeShare, Double medianSecondsToNext, Double expectedSeconds, long openCases) {
    }

    public record RankedTouchpoint(int rank, String key, String name, String stageName, double score,
                                   Components components, Facts facts, List<JourneyPublished.PainPoint> designedPainPoints) {
    }

    public record PainPoints(UUID journeyId, int version, String name, List<RankedTouchpoint> touchpoints) {
    }

    public static PainPoints painPoints(Journey j) {
        long maxReached = j.touchpoints().stream().mapToLong(Measured::reached).max().orElse(0);
        List<RankedTouchpoint> ranked = new ArrayList<>();
        for (Measured m : j.touchpoints()) {
            double[] a = m.answers();
            Double unhappy = m.scored() == 0 ? null : a[Experience.UNHAPPY] / a[Experience.SCORED];
            Double negative = m.comments() == 0 ? null : a[Experience.NEGATIVE_COMMENTS] / a[Experience.COMMENTS];
            Double median = m.medianSecondsToNext();
            Double expected = m.expectedSeconds();
            double overTime = median == null || expected == null || expected <= 0 ? 0
                    : Math.min(1, Math.max(0, median / expected - 1) / 2);
            double caseRate = m.reached() == 0 ? (m.openCases() > 0 ? 1 : 0) : (double) m.openCases() / m.reached();
            double volume = maxReached == 0 ? 0 : Math.log1p(m.reached()) / Math.log1p(maxReached);
            Components c = new Components(round0(m.dropOffShare()), round0(unhappy), round0(negative), round(overTime),
                    round(Math.min(1, 10 * caseRate)), round(volume));
            double score = 100 * volume * (W_DROP_OFF * c.dropOff() + W_UNHAPPY * c.unhappy()
                    + W_NEGATIVE * c.negativeComments() + W_OVER_TIME * c.overTime() + W_CASES * c.openCases());
            ranked.add(new RankedTouchpoint(0, m.touchpoint().key(), m.touchpoint().name(), m.stage().name(), round(score),
                    c, new Facts(m.reached(), round(m.dropOffShare()), m.scored(), round(unhappy), m.comments(),
                    round(negative), median, expected, m.openCases()),
                    m.touchpoint().painPoints() == null ? List.of() : m.touchpoint().painPoints()));
        }
        ranked.sort(Comparator.comparingDouble(RankedTouchpoint::score).reversed());
        List<RankedTouchpoint> out = new ArrayList<>();
        for (int i = 0; i < ranked.size(); i++) {
            RankedTouchpoint r = ranked.get(i);
            out.add(new RankedTouchpoint(i + 1, r.key(), r.name(), r.stageName(), r.score(), r.components(), r.facts(),
                    r.designedPainPoints()));
        }
        return new PainPoints(j.version().journeyId(), j.version().version(), j.version().name(), out);
    }

    public record EmotionPoint(String stageKey, String key, String name, int designed, Double actual, Double gap,
                               long answers, long comments, long reached, long skipped, long outOfOrder) {
    }

    public record EmotionCurve(UUID journeyId, int version, String name, List<EmotionPoint> touchpoints) {
    }

    public static EmotionCurve emotionCurve(Journey j) {
        List<EmotionPoint> points = new ArrayList<>();
        for (Measured m : j.touchpoints()) {
            Double actual = actualEmotion(m.answers());
            int designed = m.touchpoint().emotion();
            points.add(new EmotionPoint(m.stage().key(), m.touchpoint().key(), m.touchpoint().name(), designed,
                    round(actual), actual == null ? null : round(actual - designed), m.scored(), m.comments(),
                    m.reached(), m.skipped(), m.outOfOrder()));
        }
        return new EmotionCurve(j.version().journeyId(), j.version().version(), j.version().name(), points);
    }

    /**
     * Answers mapped to the map's emotion scale −2..+2: a normalised score s (0 worst, 1 best) is 4s − 2; a
     * comment's sentiment c (−1..1) is 2c and counts half as much as a score. Null without either.
     */
    static Double actualEmotion(double[] a) {
        double scored = a[Experience.SCORED];
        double comments = a[Experience.COMMENTS];
        double weight = scored + 0.5 * comments;
        if (weight == 0) {
            return null;
        }
        double fromScores = 4 * a[Experience.NORMALIZED_SUM] - 2 * scored;
        double fromComments = 0.5 * 2 * a[Experience.SENTIMENT_SUM];
        return (fromScores + fromComments) / weight;
    }

    public record OverlayPoint(String key, double reachedShare, Double dropOffShare, Double emotion) {
    }

    public record Overlay(List<OverlayPoint> touchpoints) {
    }

    /** What journey-service draws over a map: reach relative to the most reached touchpoint, drop-off, emotion. */
    public static Overlay overlay(Journey j) {
        long maxReached = j.touchpoints().stream().mapToLong(Measured::reached).max().orElse(0);
        if (maxReached == 0) {
            return new Overlay(List.of());
        }
        return new Overlay(j.touchpoints().stream().map(m -> new OverlayPoint(m.touchpoint().key(),
                round((double) m.reached() / maxReached), round(m.dropOffShare()), round(actualEmotion(m.answers()))))
                .toList());
    }

    private static Double round(Double v) {
        return v == null ? null : Math.round(v * 10000) / 10000.0;
    }

    private static double round0(Double v) {
        return v == null ? 0 : Math.round(v * 10000) / 10000.0;
    }
}
