package io.waymark.journey.clients;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.faulttolerance.api.TypedGuard;
import io.smallrye.mutiny.Uni;
import io.waymark.journey.domain.picture.Actuals;
import io.waymark.journey.domain.picture.MeasuredJourneys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.util.TypeLiteral;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * analytics-service behind a guard (2 s timeout; a circuit breaker that stops asking for 30 s after repeated
 * failures). A picture never fails because analytics is away or has nothing yet: it says "no data yet".
 */
@ApplicationScoped
public class RestMeasuredJourneys implements MeasuredJourneys {

    private static final Logger LOG = Logger.getLogger(RestMeasuredJourneys.class);

    private final AnalyticsClient analytics;
    private final TypedGuard<Uni<JsonNode>> guard = TypedGuard.create(new TypeLiteral<Uni<JsonNode>>() { })
            .withDescription("journey measurements from analytics")
            .withTimeout().duration(2, ChronoUnit.SECONDS).done()
            .withCircuitBreaker().requestVolumeThreshold(4).failureRatio(0.5).delay(30, ChronoUnit.SECONDS).done()
            .build();

    RestMeasuredJourneys(@RestClient AnalyticsClient analytics) {
        this.analytics = analytics;
    }

    @Override
    public Uni<Actuals> actuals(UUID journeyId, int version) {
        return guard.get(() -> analytics.touchpoints(journeyId, version)).map(RestMeasuredJourneys::read)
                .onFailure().recoverWithItem(failure -> {
                    LOG.debugf("no measurements for journey %s version %d: %s", journeyId, version, failure.toString());
                    return Actuals.none("no data yet (analytics has no measurements for this version, or cannot be reached)");
                });
    }

    private static Actuals read(JsonNode body) {
        Map<String, Actuals.Touchpoint> byKey = new LinkedHashMap<>();
        body.path("touchpoints").forEach(t -> byKey.put(t.path("key").asText(), new Actuals.Touchpoint(
                t.path("reachedShare").asDouble(), t.path("dropOffShare").asDouble(),
                t.hasNonNull("emotion") ? t.path("emotion").asDouble() : null)));
        return byKey.isEmpty() ? Actuals.none("no data yet") : new Actuals(byKey, Optional.empty());
    }
}
