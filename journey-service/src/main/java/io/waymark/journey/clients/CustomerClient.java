package io.waymark.journey.clients;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.oidc.client.filter.OidcClientFilter;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** customer-service's identify: finds or creates the customer an external id names (journey-service's own token). */
@RegisterRestClient(configKey = "customers")
@OidcClientFilter
@Path("/customers/identify")
public interface CustomerClient {

    /** {@code {"externalIds": {"crm": "C-1042"}}} → the customer (200 found, 201 created). */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<JsonNode> identify(Map<String, Object> request);
}
