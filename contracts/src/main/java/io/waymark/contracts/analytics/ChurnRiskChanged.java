package io.waymark.contracts.analytics;

import io.waymark.contracts.EventType;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A customer's churn-risk band changed when analytics-service scored it; published on {@code analytics.events}
 * by analytics-service through its outbox, keyed by customer id. The aggregate version counts the customer's
 * band changes. Carries the facts a lifecycle rule or a feedback case needs, no personal data.
 *
 * @param previousBand {@code low}, {@code medium} or {@code high}; absent the first time the customer is banded
 * @param band         the band now (thresholds in docs/decisions/013-churn-risk.md)
 * @param probability  the model's probability that the customer churns within the label horizon, 0..1
 * @param topFactors   the features that pushed the risk up most, by name (stable, e.g. {@code nps_detractor})
 */
public record ChurnRiskChanged(UUID customerId, String previousBand, String band, double probability,
                               int modelVersion, List<String> topFactors, OffsetDateTime scoredAt) {

    public static final EventType TYPE = new EventType("analytics.churn-risk-changed", 1);
}
