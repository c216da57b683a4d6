package io.waymark.analytics.domain.churn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * How a model does on held-out snapshots: ROC AUC (the chance that a churner is ranked above a stayer, ties
 * half), precision among the top 10% by risk, and calibration by decile of predicted risk (mean predicted
 * against the observed churn rate). {@code aucStandardError} is Hanley and McNeil's (1982), for judging a
 * difference between two AUCs on this many examples.
 */
public record ChurnMetrics(int examples, int churners, double rocAuc, double aucStandardError, double precisionAtTop10,
                           List<Decile> calibration) {

    public record Decile(int decile, int examples, double meanPredicted, double observedRate) {
    }

    public static ChurnMetrics of(double[] predicted, boolean[] churned) {
        int n = predicted.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> predicted[i]));
        int positives = 0;
        double rankSum = 0;
        for (int i = 0; i < n;) {
            int j = i;
            while (j < n && predicted[order[j]] == predicted[order[i]]) {
                j++;
            }
            double midRank = (i + 1 + j) / 2.0;
            for (int k = i; k < j; k++) {
                if (churned[order[k]]) {
                    positives++;
                    rankSum += midRank;
                }
            }
            i = j;
        }
        int negatives = n - positives;
        double auc = positives == 0 || negatives == 0 ? Double.NaN
                : (rankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
        double q1 = auc / (2 - auc);
        double q2 = 2 * auc * auc / (1 + auc);
        double se = Math.sqrt((auc * (1 - auc) + (positives - 1) * (q1 - auc * auc) + (negatives - 1) * (q2 - auc * auc))
                / ((double) positives * negatives));
        int top = Math.max(1, (int) Math.ceil(n * 0.1));
        int hits = 0;
        for (int k = n - 1; k >= n - top && k >= 0; k--) {
            hits += churned[order[k]] ? 1 : 0;
        }
        List<Decile> deciles = new ArrayList<>();
        for (int d = 0; d < 10 && n > 0; d++) {
            int from = (int) ((long) n * d / 10);
            int to = (int) ((long) n * (d + 1) / 10);
            double p = 0;
            int c = 0;
            for (int k = from; k < to; k++) {
                p += predicted[order[k]];
                c += churned[order[k]] ? 1 : 0;
            }
            int size = to - from;
            deciles.add(new Decile(d + 1, size, size == 0 ? 0 : p / size, size == 0 ? 0 : c / (double) size));
        }
        return new ChurnMetrics(n, positives, auc, se, n == 0 ? 0 : hits / (double) top, deciles);
    }
}
