package io.waymark.analytics.clients;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.faulttolerance.api.TypedGuard;
import io.smallrye.mutiny.Uni;
import io.waymark.analytics.domain.insight.LifecycleAnalytics;
import io.waymark.platform.domain.Invalid;
import io.waymark.platform.domain.NotFound;
import io.waymark.platform.domain.Unavailable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.util.TypeLiteral;
import jakarta.ws.rs.WebApplicationException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * A segment's members from customer-service, page by page (10,000 ids each), up to {@value #MAX} members; each
 * page behind a guard (5 s timeout, a circuit breaker). A segment customer-service does not know is a 404 here
 * too; one larger than the bound is refused rather than counted in part.
 */
@ApplicationScoped
public class RestSegmentMembers implements LifecycleAnalytics.SegmentMembers {

    static final int MAX = 200_000;

    private final SegmentClient segments;
    private final TypedGuard<Uni<JsonNode>> guard = TypedGuard.create(new TypeLiteral<Uni<JsonNode>>() { })
            .withDescription("segment members from customer-service")
            .withTimeout().duration(5, ChronoUnit.SECONDS).done()
            .withCircuitBreaker().requestVolumeThreshold(4).failureRatio(0.5).delay(30, ChronoUnit.SECONDS)
                    .skipOn(WebApplicationException.class).done()
            .build();

    RestSegmentMembers(@RestClient SegmentClient segments) {
        this.segments = segments;
    }

    @Override
    public Uni<List<UUID>> of(UUID segment) {
        return page(segment, null, new ArrayList<>());
    }

    private Uni<List<UUID>> page(UUID segment, String cursor, List<UUID> members) {
        return guard.get(() -> segments.memberIds(segment, cursor))
                .onFailure(WebApplicationException.class).transform(e -> {
                    int status = ((WebApplicationException) e).getResponse().getStatus();
                    return status == 404 ? new NotFound("segment", segment)
                            : new Unavailable("customer-service did not list the segment's members (" + status + ")");
                })
                .onFailure(e -> !(e instanceof NotFound) && !(e instanceof Unavailable))
                .transform(e -> new Unavailable("customer-service did not answer for the segment's members; retry later"))
                .flatMap(body -> {
                    body.path("items").forEach(id -> members.add(UUID.fromString(id.asText())));
                    if (members.size() > MAX) {
                        throw Invalid.field("segment", "has more than " + MAX + " members; a funnel by segment counts "
                                + "at most that many");
                    }
                    String next = body.path("next").asText(null);
                    return next == null ? Uni.createFrom().item(members) : page(segment, next, members);
                });
    }
}
