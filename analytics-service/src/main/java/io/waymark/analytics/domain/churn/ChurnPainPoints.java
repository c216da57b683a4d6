package io.waymark.analytics.domain.churn;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.waymark.analytics.domain.insight.JourneyAnalytics;
import io.waymark.analytics.domain.insight.JourneyViews;
import io.waymark.analytics.domain.insight.Period;
import io.waymark.analytics.persistence.JourneyVersions;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The touchpoints a model counts as pain points, chosen when it is trained from every published journey's
 * pain-point ranking (decision 012) over the training snapshots' days, so that the held-out evaluation does not
 * choose them; frozen into the model so that serving counts the same touchpoints. The ranking leaves out open cases
 * (counted as of now, not as of a past day); drop-off is the read model's, which records going on whenever it
 * happened (decision 013 weighs what that lets through).
 */
@ApplicationScoped
public class ChurnPainPoints {

    private final JourneyVersions versions;
    private final JourneyAnalytics journeys;
    private final ChurnConfig config;

    ChurnPainPoints(JourneyVersions versions, JourneyAnalytics journeys, ChurnConfig config) {
        this.versions = versions;
        this.journeys = journeys;
        this.config = config;
    }

    /** The pain points (as {@code journeyId:key}) ranked over the days of the plan's training snapshots. */
    Uni<Set<String>> of(ChurnTraining.Plan plan) {
        LocalDate from = LocalDate.ofInstant(plan.times().getFirst(), ZoneOffset.UTC);
        LocalDate to = LocalDate.ofInstant(plan.trainUntil(), ZoneOffset.UTC).minusDays(1);
        Period period = new Period(from, to.isBefore(from) ? from : to);
        Set<JourneyAnalytics.Need> needs = EnumSet.of(JourneyAnalytics.Need.TIMES, JourneyAnalytics.Need.ANSWERS);
        return versions.latestAll()
                .flatMap(latest -> Multi.createFrom().iterable(latest)
                        .onItem().transformToUniAndConcatenate(j -> journeys.measure(j.journeyId(), j.version(), period,
                                needs).map(JourneyViews::painPoints))
                        .collect().asList())
                .map(rankings -> choose(rankings, config.painPointsPerJourney(), config.painPointMinScore()));
    }

    /** Per ranking, its first {@code perJourney} touchpoints whose score is at least {@code minScore}. */
    static Set<String> choose(List<JourneyViews.PainPoints> rankings, int perJourney, double minScore) {
        Set<String> chosen = new TreeSet<>();
        for (JourneyViews.PainPoints ranking : rankings) {
            ranking.touchpoints().stream().limit(perJourney).filter(t -> t.score() >= minScore)
                    .forEach(t -> chosen.add(ranking.journeyId() + ":" + t.key()));
        }
        return chosen;
    }
}
