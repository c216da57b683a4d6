package io.waymark.customer.domain;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.UUID;

/** The other services of the suite, as far as customer-service's GDPR export needs them. */
public interface OtherServices {

    /** What one service answered for the customer, or why it could not. */
    record Part(String service, JsonNode data, String unavailableBecause) {
    }

    /** Every other service's part; never fails: a service that cannot answer is a part with a reason. */
    Uni<List<Part>> personalData(UUID customerId);
}
