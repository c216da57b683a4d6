package io.waymark.analytics.domain.churn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Fits the churn model with Tribuo's logistic regression (a linear model trained by SGD with AdaGrad on the log
 * loss) on standardised features, and reads its weights back into a {@link ChurnModel}. Features present in fewer
 * than {@code minSupport} training snapshots are left out (a weight learnt from a handful says nothing).
 */
public final class ChurnTrainer {

    static final Label CHURNED = new Label("churned");
    static final Label STAYED = new Label("stayed");
    private static final int EPOCHS = 10;

    private ChurnTrainer() {
    }

    /** The model as served, and Tribuo's model it was read from. */
    record Fitted(ChurnModel model, LinearSGDModel tribuo) {
    }

    /** {@code painPoints}: the touchpoints the samples' {@value ChurnFeatures#PAIN_POINTS} counted. */
    public static ChurnModel fit(List<ChurnSample> train, Set<String> painPoints, int minSupport, long seed) {
        return fitBoth(train, painPoints, minSupport, seed).model();
    }

    static Fitted fitBoth(List<ChurnSample> train, Set<String> painPoints, int minSupport, long seed) {
        Map<String, Double> medians = stageMedians(train);
        Map<String, double[]> stats = new TreeMap<>();
        int active = 0;
        for (ChurnSample sample : train) {
            Map<String, Double> prepared = ChurnModel.prepare(sample.asMap(), sample.stage(), medians);
            active += prepared.getOrDefault(ChurnFeatures.ACTIVE_90, 0.0) > 0 ? 1 : 0;
            prepared.forEach((name, x) -> {
                if (!x.isNaN()) {
                    double[] s = stats.computeIfAbsent(name, k -> new double[4]);
                    s[0] += x != 0 ? 1 : 0;
                    s[1] += 1;
                    s[2] += x;
                    s[3] += x * x;
                }
            });
        }
        List<String> names = new ArrayList<>();
        List<double[]> moments = new ArrayList<>();
        int n = train.size();
        int withActivity = active;
        stats.forEach((name, s) -> {
            // absent counts as 0 where ChurnModel reads it as 0; NaN (unknown) is left out, so it standardises to 0
            double count = name.startsWith(ChurnFeatures.CHANNEL) ? withActivity : ChurnFeatures.indicator(name) ? n : s[1];
            double mean = s[2] / count;
            double sd = Math.sqrt(Math.max(0, s[3] / count - mean * mean));
            if (s[0] >= minSupport && sd > 1e-9) {
                names.add(name);
                moments.add(new double[] {mean, sd});
            }
        });
        double[] means = moments.stream().mapToDouble(m -> m[0]).toArray();
        double[] stds = moments.stream().mapToDouble(m -> m[1]).toArray();
        ChurnModel shape = new ChurnModel(names, means, stds, new double[names.size()], 0, medians, painPoints);

        MutableDataset<Label> data = new MutableDataset<>(new SimpleDataSourceProvenance("churn snapshots",
                new LabelFactory()), new LabelFactory());
        String[] featureNames = names.toArray(String[]::new);
        for (ChurnSample sample : train) {
            Map<String, Double> prepared = ChurnModel.prepare(sample.asMap(), sample.stage(), medians);
            double[] z = new double[names.size()];
            for (int j = 0; j < z.length; j++) {
                z[j] = shape.standardised(j, prepared);
            }
            data.add(new ArrayExample<>(sample.churned() ? CHURNED : STAYED, featureNames, z));
        }
        LinearSGDTrainer trainer = new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(0.1, 0.1), EPOCHS, -1, seed);
        LinearSGDModel fitted = trainer.train(data);
        return new Fitted(weights(fitted, shape), fitted);
    }

    /** The two-class softmax as one logistic regression: churned's weights minus stayed's. */
    static ChurnModel weights(LinearSGDModel fitted, ChurnModel shape) {
        DenseMatrix w = fitted.getWeightsCopy();
        int churned = fitted.getOutputIDInfo().getID(CHURNED);
        int stayed = fitted.getOutputIDInfo().getID(STAYED);
        int bias = w.getDimension2Size() - 1;
        double[] weights = new double[shape.features().size()];
        for (int j = 0; j < weights.length; j++) {
            int id = fitted.getFeatureIDMap().getID(shape.features().get(j));
            weights[j] = id < 0 ? 0 : (churned < 0 ? 0 : w.get(churned, id)) - (stayed < 0 ? 0 : w.get(stayed, id));
        }
        double intercept = (churned < 0 ? 0 : w.get(churned, bias)) - (stayed < 0 ? 0 : w.get(stayed, bias));
        return new ChurnModel(shape.features(), shape.means(), shape.stds(), weights, intercept, shape.stageMedians(),
                shape.painPoints());
    }

    /** Tribuo's own prediction of one prepared example: the probability of churned (for checking the weights). */
    static double tribuoProbability(LinearSGDModel fitted, ChurnModel model, Map<String, Double> prepared) {
        double[] z = new double[model.features().size()];
        for (int j = 0; j < z.length; j++) {
            z[j] = model.standardised(j, prepared);
        }
        Example<Label> e = new ArrayExample<>(STAYED, model.features().toArray(String[]::new), z);
        return fitted.predict(e).getOutputScores().get(CHURNED.getLabel()).getScore();
    }

    static Map<String, Double> stageMedians(List<ChurnSample> train) {
        Map<String, List<Double>> days = new HashMap<>();
        for (ChurnSample sample : train) {
            for (int i = 0; i < sample.names().length; i++) {
                if (sample.stage() != null && sample.names()[i].equals(ChurnFeatures.DAYS_IN_STAGE)) {
                    days.computeIfAbsent(sample.stage(), k -> new ArrayList<>()).add(sample.values()[i]);
                }
            }
        }
        Map<String, Double> medians = new TreeMap<>();
        days.forEach((stage, list) -> {
            double[] sorted = list.stream().mapToDouble(Double::doubleValue).toArray();
            Arrays.sort(sorted);
            medians.put(stage, sorted[sorted.length / 2]);
        });
        return medians;
    }
}
