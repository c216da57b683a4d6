package io.waymark.analytics.domain.churn;

import java.time.OffsetDateTime;

/**
 * A trained model as versioned: when and on which window it was trained, where the held-out period began, its
 * held-out metrics, whether it was promoted to serve and why (or why not), and the model itself.
 */
public record ChurnModelVersion(int version, OffsetDateTime trainedAt, OffsetDateTime windowFrom,
                                OffsetDateTime windowTo, OffsetDateTime splitAt, int trainingExamples,
                                boolean promoted, String reason, ChurnMetrics metrics, ChurnModel model) {
}
