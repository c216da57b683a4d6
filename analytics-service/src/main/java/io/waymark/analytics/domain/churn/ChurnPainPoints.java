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
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The touchpoints a model counts as pain points, chosen when it is trained from every published journey's
 * pain-point ranking (decision 012) over the training snapshots' days before the held-out period, so its
 * evaluation learns nothing from the period it is evaluated on; frozen into the model so that serving counts the
 * same touchpoints.
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

    /** The pain points (as {@code journeyId:key}) ranked over the plan's days before its held-out period. */
    Uni<Set<String>> before(ChurnTraining.Plan plan) {
        LocalDate from = LocalDate.ofInstant(plan.times().getFirst(), ZoneOffset.UTC);
        LocalDate to = LocalDate.ofInstant(plan.splitAt(), ZoneOffset.UTC).minusDays(1);
        Period period = new Period(from, to.isBefore(from) ? from : to);
        return versions.journeyIds()
                .flatMap(ids -> Multi.createFrom().iterable(ids)
                        .onItem().transformToUniAndConcatenate(id -> journeys
                                .measure(id, null, period, JourneyAnalytics.Need.ALL).map(JourneyViews::painPoints))
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
