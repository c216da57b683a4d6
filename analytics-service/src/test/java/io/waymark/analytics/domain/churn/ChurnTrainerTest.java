package io.waymark.analytics.domain.churn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The weights read back from Tribuo score exactly as Tribuo does; the metrics by hand on small cases. */
class ChurnTrainerTest {

    /** Examples whose churn follows logit = -1.5 + 2 * detractor - 0.8 * active_days_30 / 5 (+ a feature of noise). */
    private static List<ChurnLabels.Example> population(int n, Random random) {
        List<ChurnLabels.Example> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Map<String, Double> v = new HashMap<>();
            boolean detractor = random.nextDouble() < 0.3;
            double active = random.nextInt(11);
            v.put(ChurnFeatures.DETRACTOR, detractor ? 1.0 : 0.0);
            v.put(ChurnFeatures.ACTIVE_30, active);
            v.put("noise", random.nextGaussian());
            v.put(ChurnFeatures.DAYS_IN_STAGE, 10.0 + random.nextInt(20));
            v.put(ChurnFeatures.LAST_CSAT, random.nextBoolean() ? Double.NaN : random.nextDouble());
            if (random.nextDouble() < 0.5) {
                v.put("stage:RARE", random.nextDouble() < 0.001 ? 1.0 : 0.0);
            }
            double logit = -1.5 + 2 * (detractor ? 1 : 0) - 0.8 * active / 5;
            boolean churned = random.nextDouble() < 1 / (1 + Math.exp(-logit));
            out.add(new ChurnLabels.Example(new ChurnFeatures.Snapshot(Instant.EPOCH, true, false, "RETENTION", v, null,
                    List.of()), churned));
        }
        return out;
    }

    @Test
    void theStoredWeightsScoreAsTribuoDoesAndFindTheDrivers() {
        Random random = new Random(7);
        Map<String, String> names = new HashMap<>();
        List<ChurnSample> train = population(6000, random).stream().map(e -> ChurnSample.of(e, names)).toList();
        ChurnTrainer.Fitted fitted = ChurnTrainer.fitBoth(train, Set.of(), 20, 1);
        ChurnModel model = fitted.model();
        for (ChurnLabels.Example e : population(50, random)) {
            Map<String, Double> prepared = model.prepare(e.snapshot());
            assertEquals(ChurnTrainer.tribuoProbability(fitted.tribuo(), model, prepared), model.probability(prepared), 1e-9);
        }
        assertEquals(List.of(ChurnFeatures.ACTIVE_30, ChurnFeatures.DETRACTOR),
                model.weightsBySize().subList(0, 2).stream().map(Map.Entry::getKey).sorted().toList(),
                "the two drivers weigh most: " + model.weightsBySize());
        assertTrue(model.weightsBySize().stream().noneMatch(w -> w.getKey().equals("stage:RARE")),
                "a stage in fewer than 20 snapshots is no feature");
        assertEquals(20.0, model.stageMedians().get("RETENTION"), 1.0, "median of 10..29 days");
        List<ChurnLabels.Example> test = population(4000, random);
        double[] p = test.stream().mapToDouble(e -> model.probability(model.prepare(e.snapshot()))).toArray();
        boolean[] y = new boolean[test.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = test.get(i).churned();
        }
        ChurnMetrics m = ChurnMetrics.of(p, y);
        // the true model's AUC on this population is 0.776 (simulated once with 400,000 draws; 20% churn); with ~800
        // churners among 4,000 its standard error is ~0.01, so 0.74 lies 3.5 SE below what a correct fit reaches
        assertTrue(m.rocAuc() > 0.74, "held-out AUC " + m.rocAuc());
        double predicted = m.calibration().stream().mapToDouble(d -> d.meanPredicted() * d.examples()).sum() / m.examples();
        assertEquals(m.churners() / (double) m.examples(), predicted, 0.03, "calibrated on the whole");
    }

    @Test
    void metricsByHand() {
        // ranked by risk: 0.9 (churned), 0.8 (stayed), 0.7 (churned), 0.2 (stayed), 0.1 (stayed), 0.1 (churned)
        double[] p = {0.1, 0.9, 0.2, 0.8, 0.7, 0.1};
        boolean[] y = {true, true, false, false, true, false};
        ChurnMetrics m = ChurnMetrics.of(p, y);
        // pairs (churner above stayer) of 9: 0.9 beats 3, 0.7 beats 2, 0.1 beats none and ties one (half) = 5.5 / 9
        assertEquals(5.5 / 9, m.rocAuc(), 1e-12);
        assertEquals(1.0, m.precisionAtTop10(), "the top 10% of 6 is the one at 0.9, a churner");
        assertEquals(10, m.calibration().size());
        assertEquals(3, m.churners());
    }
}
