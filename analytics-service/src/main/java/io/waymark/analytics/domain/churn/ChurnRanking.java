package io.waymark.analytics.domain.churn;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.waymark.analytics.domain.insight.LifecycleAnalytics.SegmentMembers;
import io.waymark.analytics.persistence.churn.ChurnScores;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The ranked list for a retention team: customers not churned yet, riskiest first, from the last scoring of
 * everyone; narrowed to a band and to a customer-service segment's members.
 */
@ApplicationScoped
public class ChurnRanking {

    /** One customer in the list, with the factors that raised or lowered its risk most. */
    public record Ranked(UUID customerId, double probability, String band, int modelVersion, OffsetDateTime scoredAt,
                         List<ChurnRisk.Factor> factors) {
    }

    /** Where a ranked page starts: after this probability and customer (null: from the top). */
    public record After(double probability, UUID customerId) {
    }

    private final ChurnScores scores;
    private final SegmentMembers segments;

    ChurnRanking(ChurnScores scores, SegmentMembers segments) {
        this.scores = scores;
        this.segments = segments;
    }

    /** {@code limit + 1} rows after {@code after}, so the caller can tell a next page exists. */
    public Uni<List<Ranked>> page(Optional<String> band, Optional<UUID> segment, After after, int limit) {
        Uni<UUID[]> members = segment.isEmpty() ? Uni.createFrom().nullItem()
                : segments.of(segment.get()).map(ids -> ids.toArray(UUID[]::new));
        return members.flatMap(ids -> scores.ranked(band.orElse(null), ids, after, limit + 1)).map(rows -> {
            List<Ranked> out = new ArrayList<>(rows.size());
            for (ChurnScores.Stored s : rows) {
                List<ChurnRisk.Factor> factors = new ArrayList<>();
                for (Object f : new JsonArray(s.factors())) {
                    JsonObject o = (JsonObject) f;
                    factors.add(new ChurnRisk.Factor(o.getString("feature"), o.getDouble("contribution"), o.getString("words")));
                }
                out.add(new Ranked(s.customerId(), s.probability(), s.band(), s.modelVersion(), s.scoredAt(), factors));
            }
            return out;
        });
    }
}
