package io.waymark.analytics.api;

import io.waymark.analytics.domain.churn.ChurnMetrics;
import io.waymark.analytics.domain.churn.ChurnModel;
import io.waymark.analytics.domain.churn.ChurnModelVersion;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A model version as the API shows it: aggregated weights only (per feature the weight on the standardised value,
 * the training mean and standard deviation), largest weight first; the touchpoints it counts as pain points
 * ({@code journeyId:key}).
 */
public record ChurnModelView(int version, OffsetDateTime trainedAt, Window window, OffsetDateTime heldOutFrom,
                             int trainingExamples, boolean promoted, String reason, ChurnMetrics metrics,
                             double intercept, List<Weight> weights, Map<String, Double> medianDaysInStage,
                             List<String> painPoints) {

    public record Window(OffsetDateTime from, OffsetDateTime to) {
    }

    public record Weight(String feature, double weight, double mean, double std) {
    }

    static ChurnModelView of(ChurnModelVersion v) {
        ChurnModel m = v.model();
        List<Weight> weights = new ArrayList<>();
        for (Map.Entry<String, Double> w : m.weightsBySize()) {
            int j = m.features().indexOf(w.getKey());
            weights.add(new Weight(w.getKey(), w.getValue(), m.means()[j], m.stds()[j]));
        }
        return new ChurnModelView(v.version(), v.trainedAt(), new Window(v.windowFrom(), v.windowTo()), v.splitAt(),
                v.trainingExamples(), v.promoted(), v.reason(), v.metrics(), m.intercept(), weights, m.stageMedians(),
                List.copyOf(m.painPoints()));
    }
}
