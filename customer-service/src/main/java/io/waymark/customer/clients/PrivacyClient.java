package io.waymark.customer.clients;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.oidc.client.filter.OidcClientFilter;
import io.quarkus.rest.client.reactive.Url;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The platform's {@code GET /privacy/customers/{id}} of any service (the base URL is per call), with this
 * service's client-credentials token (role {@code privacy}).
 */
@RegisterRestClient(configKey = "privacy")
@OidcClientFilter
@Path("/privacy/customers")
public interface PrivacyClient {

    @GET
    @Path("/{id}")
    Uni<JsonNode> export(@Url String baseUrl, @PathParam("id") UUID customerId);
}
