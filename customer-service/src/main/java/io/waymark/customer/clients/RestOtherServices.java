package io.waymark.customer.clients;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.faulttolerance.api.TypedGuard;
import io.smallrye.mutiny.Uni;
import io.waymark.customer.domain.OtherServices;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.util.TypeLiteral;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * The other services over REST, each behind its own guard (a timeout, and a circuit breaker that stops asking
 * a service that keeps failing for 30 s), asked all at once.
 */
@ApplicationScoped
public class RestOtherServices implements OtherServices {

    private static final Logger LOG = Logger.getLogger(RestOtherServices.class);

    private final PrivacyClient client;
    private final Map<String, String> services;
    private final Map<String, TypedGuard<Uni<JsonNode>>> guards = new TreeMap<>();

    RestOtherServices(@RestClient PrivacyClient client, ExportConfig config) {
        this.client = client;
        this.services = new TreeMap<>(config.services());
        services.keySet().forEach(service -> guards.put(service, TypedGuard.create(new TypeLiteral<Uni<JsonNode>>() { })
                .withDescription("export from " + service)
                .withTimeout().duration(config.timeout().toMillis(), ChronoUnit.MILLIS).done()
                .withCircuitBreaker().requestVolumeThreshold(4).failureRatio(0.5).delay(30, ChronoUnit.SECONDS).done()
                .build()));
    }

    @Override
    public Uni<List<Part>> personalData(UUID customerId) {
        List<Uni<Part>> calls = services.entrySet().stream().map(service -> ask(service.getKey(), service.getValue(), customerId)).toList();
        return calls.isEmpty() ? Uni.createFrom().item(List.of())
                : Uni.join().all(calls).andFailFast().map(List::copyOf);
    }

    private Uni<Part> ask(String service, String baseUrl, UUID customerId) {
        return guards.get(service).get(() -> client.export(baseUrl, customerId))
                .map(data -> new Part(service, data.path("parts"), null))
                .onFailure().recoverWithItem(failure -> {
                    LOG.warnf("export of %s: %s did not answer: %s", customerId, service, failure.toString());
                    return new Part(service, null, reason(failure));
                });
    }

    private static String reason(Throwable failure) {
        if (failure instanceof TimeoutException) {
            return "no answer in time";
        }
        if (failure instanceof CircuitBreakerOpenException) {
            return "failing recently; not asked (circuit open)";
        }
        if (failure instanceof jakarta.ws.rs.WebApplicationException http) {
            return "answered " + http.getResponse().getStatus();
        }
        return "unreachable";
    }
}
