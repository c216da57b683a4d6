package io.waymark.analytics.domain.insight;

import io.smallrye.mutiny.Uni;
import io.waymark.analytics.domain.model.FeedbackModel;
import io.waymark.analytics.domain.rollup.Experience;
import io.waymark.analytics.persistence.ReadModelQueries;
import io.waymark.analytics.persistence.ReadModelQueries.Sums;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** NPS, CSAT and CES per stage, channel, touchpoint, journey or week, each with its confidence interval. */
@ApplicationScoped
public class ExperienceAnalytics {

    public static final Map<String, String> DIMENSIONS = Map.of("stage", FeedbackModel.STAGE, "channel",
            FeedbackModel.CHANNEL, "touchpoint", FeedbackModel.TOUCHPOINT, "journey", FeedbackModel.JOURNEY, "week", "week");
    public static final List<String> METRICS = List.of("nps", "csat", "ces");

    public record Group(String key, long responses, Estimate score) {
    }

    public record ExperienceView(String metric, String by, LocalDate from, LocalDate to, List<Group> groups) {
    }

    private final ReadModelQueries queries;

    ExperienceAnalytics(ReadModelQueries queries) {
        this.queries = queries;
    }

    /** {@code metric} one of {@link #METRICS}, {@code by} a key of {@link #DIMENSIONS} (both checked by the caller). */
    public Uni<ExperienceView> experience(String metric, String by, Period period) {
        String kind = metric.toUpperCase(Locale.ROOT);
        return queries.experience(kind, DIMENSIONS.get(by), by.equals("week"), period.from(), period.to())
                .map(rows -> new ExperienceView(metric, by, period.from(), period.to(), rows.stream()
                        .map(r -> new Group(r.key(), Math.round(r.values()[Experience.RESPONSES]), score(kind, r)))
                        .sorted(Comparator.comparing(Group::key)).toList()));
    }

    static Estimate score(String kind, Sums r) {
        double[] v = r.values();
        double n = v[Experience.SCORED];
        return switch (kind) {
            case "NPS" -> Estimate.nps(v[Experience.PROMOTERS], v[Experience.DETRACTORS], n);
            case "CSAT" -> Estimate.percent(v[Experience.SATISFIED], n);
            default -> Estimate.mean(v[Experience.SCORE_SUM], v[Experience.SCORE_SQUARES], n);
        };
    }
}
