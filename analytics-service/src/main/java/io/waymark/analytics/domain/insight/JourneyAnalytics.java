package io.waymark.analytics.domain.insight;

import io.smallrye.mutiny.Uni;
import io.waymark.analytics.domain.model.JourneyContributions;
import io.waymark.analytics.domain.rollup.Experience;
import io.waymark.analytics.domain.rollup.JourneyReach;
import io.waymark.analytics.domain.rollup.TimeBuckets;
import io.waymark.analytics.persistence.JourneyVersions;
import io.waymark.analytics.persistence.ReadModelQueries;
import io.waymark.analytics.persistence.ReadModelQueries.Sums;
import io.waymark.contracts.journey.JourneyPublished;
import io.waymark.platform.domain.NotFound;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Everything measured about one journey map, touchpoint by touchpoint in the designed order of a published
 * version: reach and drop-off, time to the next touchpoint, answers and comments, open cases. The views
 * ({@link JourneyViews}) are built from these facts.
 */
@ApplicationScoped
public class JourneyAnalytics {

    /** One touchpoint as designed and as measured over a period. */
    public record Measured(JourneyPublished.PublishedStage stage, JourneyPublished.PublishedTouchpoint touchpoint,
                           boolean last, long reached, long wentOn, long outOfOrder, long skipped, long[] timeToNext,
                           double[] answers, long openCases) {

        public Double dropOffShare() {
            return last || reached == 0 ? null : Math.max(0, (double) (reached - wentOn) / reached);
        }

        public Double medianSecondsToNext() {
            return TimeBuckets.quantile(timeToNext, 0.5);
        }

        /** The designed time at the touchpoint in seconds, when the map gives one. */
        public Double expectedSeconds() {
            if (touchpoint.expectedDuration() == null) {
                return null;
            }
            try {
                return (double) Duration.parse(touchpoint.expectedDuration()).toSeconds();
            } catch (DateTimeParseException e) {
                return null;
            }
        }

        public long scored() {
            return Math.round(answers[Experience.SCORED]);
        }

        public long comments() {
            return Math.round(answers[Experience.COMMENTS]);
        }
    }

    /** What a view needs beside reach: time to the next touchpoint, answers, open cases. */
    public enum Need {
        TIMES, ANSWERS, CASES;

        public static final Set<Need> ALL = EnumSet.allOf(Need.class);
    }

    /** A journey version and its touchpoints, measured. */
    public record Journey(JourneyPublished version, List<Measured> touchpoints) {
    }

    private final JourneyVersions versions;
    private final ReadModelQueries queries;

    JourneyAnalytics(JourneyVersions versions, ReadModelQueries queries) {
        this.versions = versions;
        this.queries = queries;
    }

    /**
     * The measured touchpoints of {@code version} (null: the latest) over {@code period}; what is not in
     * {@code needs} is left unread (empty), so a view pays only for its own facts.
     */
    public Uni<Journey> measure(UUID journeyId, Integer version, Period period, Set<Need> needs) {
        return versions.get(journeyId, version).flatMap(found -> {
            JourneyPublished doc = found.orElseThrow(() -> new NotFound(version == null
                    ? "published version of journey" : "version " + version + " of journey", journeyId));
            // independent reads, each on a connection of its own
            Uni<List<Sums>> none = Uni.createFrom().item(List.of());
            return Uni.combine().all().unis(queries.touchpoints(journeyId, period.from(), period.to()),
                            needs.contains(Need.TIMES) ? queries.touchpointTimes(journeyId, period.from(), period.to()) : none,
                            needs.contains(Need.ANSWERS) ? queries.touchpointExperience(journeyId,
                                    JourneyContributions.order(doc), period.from(), period.to()) : none,
                            needs.contains(Need.CASES) ? queries.openCases(journeyId) : none)
                    .with((reach, times, answers, cases) -> new Journey(doc, measured(doc, reach, times, answers, cases)));
        });
    }

    private static List<Measured> measured(JourneyPublished doc, List<Sums> reach, List<Sums> times, List<Sums> answers,
                                           List<Sums> cases) {
        Map<String, double[]> reachBy = byKey(reach);
        Map<String, double[]> answersBy = byKey(answers);
        Map<String, double[]> casesBy = byKey(cases);
        List<Measured> out = new ArrayList<>();
        int total = doc.stages().stream().mapToInt(s -> s.touchpoints() == null ? 0 : s.touchpoints().size()).sum();
        int index = 0;
        for (JourneyPublished.PublishedStage stage : doc.stages()) {
            for (JourneyPublished.PublishedTouchpoint t : stage.touchpoints() == null
                    ? List.<JourneyPublished.PublishedTouchpoint>of() : stage.touchpoints()) {
                double[] r = reachBy.getOrDefault(t.key(), new double[4]);
                out.add(new Measured(stage, t, ++index == total, Math.round(r[JourneyReach.REACHED]),
                        Math.round(r[JourneyReach.WENT_ON]), Math.round(r[JourneyReach.OUT_OF_ORDER]),
                        Math.round(r[JourneyReach.SKIPPED]), LifecycleAnalytics.histogram(times, t.key()),
                        answersBy.getOrDefault(t.key(), new double[Experience.COUNTERS]),
                        Math.round(casesBy.getOrDefault(t.key(), new double[1])[0])));
            }
        }
        return out;
    }

    private static Map<String, double[]> byKey(List<Sums> rows) {
        Map<String, double[]> out = new HashMap<>();
        rows.forEach(r -> out.put(r.key(), r.values()));
        return out;
    }
}
