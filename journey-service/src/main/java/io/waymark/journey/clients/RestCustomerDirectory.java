package io.waymark.journey.clients;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.faulttolerance.api.TypedGuard;
import io.smallrye.mutiny.Uni;
import io.waymark.journey.domain.interactions.CustomerDirectory;
import io.waymark.journey.domain.interactions.InteractionInput.ExternalId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.util.TypeLiteral;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * External ids resolved by customer-service (identify creates the customer when the id is new), behind a
 * guard: 3 s timeout, and a circuit breaker that stops asking for 30 s after repeated failures, so ingest
 * refuses those items quickly ("send it again") instead of waiting on a service that is away.
 */
@ApplicationScoped
public class RestCustomerDirectory implements CustomerDirectory {

    private final CustomerClient customers;
    private final TypedGuard<Uni<JsonNode>> guard = TypedGuard.create(new TypeLiteral<Uni<JsonNode>>() { })
            .withDescription("identify external ids at customer-service")
            .withTimeout().duration(3, ChronoUnit.SECONDS).done()
            .withCircuitBreaker().requestVolumeThreshold(10).failureRatio(0.5).delay(30, ChronoUnit.SECONDS).done()
            .build();

    RestCustomerDirectory(@RestClient CustomerClient customers) {
        this.customers = customers;
    }

    @Override
    public Uni<UUID> customerOf(ExternalId externalId) {
        Map<String, Object> request = Map.of("externalIds", Map.of(externalId.system(), externalId.id()));
        return guard.get(() -> customers.identify(request)).map(body -> {
            String id = body.path("id").asText(null);
            if (id == null) {
                throw new IllegalStateException("customer-service answered identify without an id");
            }
            return UUID.fromString(id);
        });
    }
}
