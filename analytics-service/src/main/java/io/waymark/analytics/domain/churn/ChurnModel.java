package io.waymark.analytics.domain.churn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A trained logistic regression as it is stored and served: per feature its training mean and standard deviation
 * and its weight on the standardised value, the intercept, the median days in each stage (for
 * {@value #DAYS_IN_STAGE_VS_MEDIAN}) and the touchpoints it counts as pain points ({@code journeyId:key}, frozen
 * from the pain-point ranking when it was trained). Aggregates only: nothing in it belongs to one customer.
 * A feature's contribution to a score is weight × (x − mean) / std, in log-odds against an average customer.
 */
public record ChurnModel(List<String> features, double[] means, double[] stds, double[] weights, double intercept,
                         Map<String, Double> stageMedians, Set<String> painPoints) {

    public static final String DAYS_IN_STAGE_VS_MEDIAN = "days_in_stage_vs_median";

    public ChurnModel {
        // models stored before pain points were a feature have none
        painPoints = painPoints == null ? Collections.emptySortedSet()
                : Collections.unmodifiableSortedSet(new TreeSet<>(painPoints));
    }

    /** One feature's part in a score. */
    public record Contribution(String feature, double value, double contribution) {
    }

    public record Score(double probability, List<Contribution> contributions) {
    }

    /** The snapshot's raw values with the derived ones this model uses. */
    public Map<String, Double> prepare(ChurnFeatures.Snapshot s) {
        return prepare(s.values(), s.stage(), stageMedians);
    }

    static Map<String, Double> prepare(Map<String, Double> raw, String stage, Map<String, Double> medians) {
        Map<String, Double> v = new HashMap<>(raw);
        Double days = v.remove(ChurnFeatures.DAYS_IN_STAGE);
        Double median = stage == null ? null : medians.get(stage);
        if (days != null && median != null && median > 0) {
            v.put(DAYS_IN_STAGE_VS_MEDIAN, days / median);
        } else {
            v.put(DAYS_IN_STAGE_VS_MEDIAN, Double.NaN);
        }
        return v;
    }

    /** The standardised value of feature {@code j}: absent is 0, unknown (NaN) is the mean. */
    double standardised(int j, Map<String, Double> values) {
        Double x = values.get(features.get(j));
        double raw = x == null ? (absentIsZero(features.get(j), values) ? 0 : means[j]) : x.isNaN() ? means[j] : x;
        return (raw - means[j]) / stds[j];
    }

    /**
     * A stage not in is 0; a channel mix without any activity in 90 days is unknown, not 0 (it would otherwise stand
     * for silence a second time, with an enormous standardised value when rare).
     */
    private static boolean absentIsZero(String feature, Map<String, Double> values) {
        if (feature.startsWith(ChurnFeatures.CHANNEL)) {
            return values.getOrDefault(ChurnFeatures.ACTIVE_90, 0.0) > 0;
        }
        return ChurnFeatures.indicator(feature);
    }

    public double probability(Map<String, Double> prepared) {
        double logit = intercept;
        for (int j = 0; j < features.size(); j++) {
            logit += weights[j] * standardised(j, prepared);
        }
        return 1 / (1 + Math.exp(-logit));
    }

    /** The probability and every feature's contribution, largest (by size) first. */
    public Score score(ChurnFeatures.Snapshot s) {
        Map<String, Double> v = prepare(s);
        List<Contribution> parts = new ArrayList<>(features.size());
        for (int j = 0; j < features.size(); j++) {
            Double x = v.get(features.get(j));
            parts.add(new Contribution(features.get(j), x == null ? 0 : x, weights[j] * standardised(j, v)));
        }
        parts.sort(Comparator.comparingDouble((Contribution c) -> -Math.abs(c.contribution())));
        return new Score(probability(v), parts);
    }

    /** Features by the size of their weight, largest first (the model's top factors). */
    public List<Map.Entry<String, Double>> weightsBySize() {
        List<Map.Entry<String, Double>> out = new ArrayList<>();
        for (int j = 0; j < features.size(); j++) {
            out.add(Map.entry(features.get(j), weights[j]));
        }
        out.sort(Comparator.comparingDouble((Map.Entry<String, Double> e) -> -Math.abs(e.getValue())));
        return out;
    }
}
