package io.waymark.analytics.domain.churn;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.waymark.analytics.persistence.churn.ChurnScores;
import io.waymark.platform.privacy.PersonalData;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.UUID;

/** analytics-service's churn part of a GDPR export: the customer's last stored score and its factors. */
@ApplicationScoped
public class ChurnPersonalData implements PersonalData {

    private final ChurnScores scores;

    ChurnPersonalData(ChurnScores scores) {
        this.scores = scores;
    }

    @Override
    public String part() {
        return "churnRisk";
    }

    @Override
    public Uni<Object> export(UUID customerId) {
        return scores.of(customerId).map(found -> found.<Object>map(s -> Map.of("probability", s.probability(),
                "band", s.band(), "modelVersion", s.modelVersion(), "scoredAt", s.scoredAt().toString(),
                "factors", new JsonArray(s.factors()).getList())).orElse(null));
    }
}
