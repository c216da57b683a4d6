package io.waymark.journey.clients;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.oidc.client.filter.OidcClientFilter;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * analytics-service's measurements of a journey version:
 * {@code {"touchpoints": [{"key", "reachedShare", "dropOffShare", "emotion"}]}} (the analytics issue serves it).
 */
@RegisterRestClient(configKey = "analytics")
@OidcClientFilter
@Path("/analytics/journeys")
public interface AnalyticsClient {

    @GET
    @Path("/{id}/touchpoints")
    Uni<JsonNode> touchpoints(@PathParam("id") UUID journeyId, @QueryParam("version") int version);
}
