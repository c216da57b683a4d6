package io.waymark.analytics.domain.churn;

import io.waymark.analytics.domain.churn.CustomerHistory.ActiveDay;
import io.waymark.analytics.domain.churn.CustomerHistory.Answer;
import io.waymark.analytics.domain.churn.CustomerHistory.StageMove;
import io.waymark.analytics.domain.rollup.Experience;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A customer's features as of an instant, from its history and nothing after that instant: the same code for
 * training snapshots in the past and for scoring now. Missing values (no answer of a kind yet) are NaN; the model
 * stands its training mean in for them, so they add nothing to a score.
 */
public final class ChurnFeatures {

    public static final String DAYS_SINCE_LAST = "days_since_last_interaction";
    public static final String ACTIVE_7 = "active_days_7";
    public static final String ACTIVE_30 = "active_days_30";
    public static final String ACTIVE_90 = "active_days_90";
    public static final String TREND = "activity_trend";
    public static final String DAYS_IN_STAGE = "days_in_stage";
    public static final String STAGE = "stage:";
    public static final String BACKWARD = "backward_moves_90";
    public static final String DETRACTOR = "nps_detractor";
    public static final String LAST_NPS = "last_nps";
    public static final String LAST_CSAT = "last_csat";
    public static final String LAST_CES = "last_ces";
    public static final String SCORE_TREND = "score_trend";
    public static final String NEGATIVE_COMMENTS = "negative_comments_90";
    public static final String OPEN_CASES = "open_cases";
    public static final String OVERDUE_CASES = "overdue_cases";
    public static final String UNHAPPY = "unhappy_answers_90";
    public static final String PAIN_POINTS = "pain_points_90";
    public static final String CHANNEL = "channel:";
    static final int CAP_DAYS = 365;
    /** The window of the "recent" counts: active days, backward moves, unhappy answers, comments, pain points. */
    static final int RECENT_DAYS = 90;

    /**
     * A customer as of {@code at}. {@code customer}: it had reached the definition's stage; {@code churned}: it had
     * already churned then. {@code detractor}: its last NPS answer, when that was a detractor's; {@code painPointsHit}:
     * the pain points (of the model's set) first met in the last 90 days (both for the words).
     */
    public record Snapshot(Instant at, boolean customer, boolean churned, String stage, Map<String, Double> values,
                           Answer detractor, List<String> painPointsHit) {
    }

    private ChurnFeatures() {
    }

    /** A 0/1 or share feature that is simply absent when 0 (a stage not in, a channel not used). */
    public static boolean indicator(String feature) {
        return feature.startsWith(STAGE) || feature.startsWith(CHANNEL);
    }

    /** Features without pain points (none known, e.g. before a model is trained). */
    public static Snapshot asOf(CustomerHistory h, Instant at, ChurnDefinition def) {
        return asOf(h, at, def, Set.of());
    }

    /**
     * Features as of {@code at}; {@code painPoints} ({@code journeyId:key}) are the touchpoints the model counts as
     * pain points: the ones the pain-point ranking put first when it was trained (decision 013).
     */
    public static Snapshot asOf(CustomerHistory h, Instant at, ChurnDefinition def, Set<String> painPoints) {
        LocalDate ref = ChurnDefinition.lastDayAt(at);
        Map<String, Double> v = new HashMap<>();
        int a7 = 0;
        int a30 = 0;
        int a90 = 0;
        LocalDate counted = null;
        Map<String, Integer> channels = new HashMap<>();
        int channelDays = 0;
        for (ActiveDay d : h.days()) {
            if (d.day().isAfter(ref)) {
                continue;
            }
            long ago = ChronoUnit.DAYS.between(d.day(), ref);
            if (ago < RECENT_DAYS) {
                channels.merge(d.channel(), 1, Integer::sum);
                channelDays++;
            }
            if (d.day().equals(counted)) {
                continue;
            }
            counted = d.day();
            a7 += ago < 7 ? 1 : 0;
            a30 += ago < 30 ? 1 : 0;
            a90 += ago < RECENT_DAYS ? 1 : 0;
        }
        StageMove current = null;
        int backward = 0;
        for (StageMove m : h.moves()) {
            if (!m.at().isBefore(at)) {
                continue;
            }
            if (current == null || !m.at().isBefore(current.at())) {
                current = m;
            }
            backward += m.backward() && recent(m.at(), at) ? 1 : 0;
        }
        Standing standing = standing(h, at, def);
        v.put(DAYS_SINCE_LAST, (double) standing.silentDays());
        v.put(ACTIVE_7, (double) a7);
        v.put(ACTIVE_30, (double) a30);
        v.put(ACTIVE_90, (double) a90);
        v.put(TREND, a30 - (a90 - a30) / 2.0);
        v.put(BACKWARD, (double) backward);
        if (current != null) {
            v.put(STAGE + current.stage(), 1.0);
            v.put(DAYS_IN_STAGE, Duration.between(current.at(), at).toSeconds() / 86400.0);
        }
        Answer detractor = answers(h, at, v);
        cases(h, at, v);
        List<String> painPointsHit = new ArrayList<>();
        h.touchpoints().forEach((key, first) -> {
            if (first.isBefore(at) && painPoints.contains(key) && recent(first, at)) {
                painPointsHit.add(key);
            }
        });
        painPointsHit.sort(null);
        v.put(PAIN_POINTS, (double) painPointsHit.size());
        for (var c : channels.entrySet()) {
            v.put(CHANNEL + c.getKey(), c.getValue() / (double) channelDays);
        }
        return new Snapshot(at, standing.customer(), standing.churned(), current == null ? null : current.stage(), v,
                detractor, painPointsHit);
    }

    /** Whether {@code fact} (before {@code at}) lies in the 90 days before it. */
    private static boolean recent(Instant fact, Instant at) {
        return Duration.between(fact, at).toDays() < RECENT_DAYS;
    }

    /**
     * Whether the person is a customer at {@code at} (reached the definition's stage before it), whether it has
     * churned by then, and the days since its last interaction (or since it became a customer, if later).
     */
    public record Standing(boolean customer, boolean churned, long silentDays) {
    }

    public static Standing standing(CustomerHistory h, Instant at, ChurnDefinition def) {
        LocalDate ref = ChurnDefinition.lastDayAt(at);
        LocalDate lastTouch = null;
        for (ActiveDay d : h.days()) {
            if (!d.day().isAfter(ref) && (lastTouch == null || d.day().isAfter(lastTouch))) {
                lastTouch = d.day();
            }
        }
        Instant became = null;
        for (StageMove m : h.moves()) {
            if (m.at().isBefore(at) && def.isCustomerStage(m.stage()) && (became == null || m.at().isBefore(became))) {
                became = m.at();
            }
        }
        if (became != null) {
            LocalDate day = LocalDate.ofInstant(became, java.time.ZoneOffset.UTC);
            lastTouch = lastTouch == null || day.isAfter(lastTouch) ? day : lastTouch;
        }
        long silent = lastTouch == null ? CAP_DAYS : Math.min(CAP_DAYS, ChronoUnit.DAYS.between(lastTouch, ref));
        boolean lost = h.lostMarks().stream().anyMatch(t -> t.isBefore(at));
        return new Standing(became != null, became != null && (lost || silent >= def.inactivityDays()), silent);
    }

    private static Answer answers(CustomerHistory h, Instant at, Map<String, Double> v) {
        Answer lastNps = null;
        Answer last = null;
        Answer previous = null;
        int negative = 0;
        int unhappy = 0;
        for (Answer a : h.answers()) {
            if (!a.at().isBefore(at)) {
                continue;
            }
            if (recent(a.at(), at)) {
                negative += a.negativeComment() ? 1 : 0;
                unhappy += Experience.unhappy(a.kind(), a.score()) ? 1 : 0;
            }
            if (a.normalized() != null) {
                previous = last;
                last = a;
                v.put(switch (a.kind()) {
                    case "NPS" -> LAST_NPS;
                    case "CSAT" -> LAST_CSAT;
                    case "CES" -> LAST_CES;
                    default -> "last_" + a.kind().toLowerCase();
                }, a.normalized());
            }
            if ("NPS".equals(a.kind()) && a.score() != null) {
                lastNps = a;
            }
        }
        v.put(NEGATIVE_COMMENTS, (double) negative);
        v.put(UNHAPPY, (double) unhappy);
        v.put(SCORE_TREND, previous == null ? Double.NaN : last.normalized() - previous.normalized());
        boolean detractor = lastNps != null && lastNps.score() <= 6;
        v.put(DETRACTOR, detractor ? 1.0 : 0.0);
        for (String kind : new String[] {LAST_NPS, LAST_CSAT, LAST_CES}) {
            v.putIfAbsent(kind, Double.NaN);
        }
        return detractor ? lastNps : null;
    }

    private static void cases(CustomerHistory h, Instant at, Map<String, Double> v) {
        int open = 0;
        int overdue = 0;
        for (CustomerHistory.Case c : h.cases()) {
            if (c.openAt(at)) {
                open++;
                overdue += c.dueAt() != null && c.dueAt().isBefore(at) ? 1 : 0;
            }
        }
        v.put(OPEN_CASES, (double) open);
        v.put(OVERDUE_CASES, (double) overdue);
    }
}
