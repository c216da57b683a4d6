package io.waymark.analytics.domain.churn;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A customer's churn risk: the probability of churning within the horizon, its band, and the factors that moved
 * it most from an average customer's (signed: positive raises the risk), with the model and the time it is as of.
 * {@code customer}: the customer has reached the stage from which churn is defined; {@code churned}: it already has.
 */
public record ChurnRisk(UUID customerId, double probability, String band, boolean customer, boolean churned,
                        int modelVersion, OffsetDateTime asOf, List<Factor> factors) {

    public record Factor(String feature, double contribution, String words) {
    }

    public static final String LOW = "low";
    public static final String MEDIUM = "medium";
    public static final String HIGH = "high";
    public static final List<String> BANDS = List.of(LOW, MEDIUM, HIGH);
}
