package io.waymark.analytics.clients;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.oidc.client.filter.OidcClientFilter;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** customer-service's segment member ids, with analytics-service's own token (role analyst). */
@RegisterRestClient(configKey = "customers")
@OidcClientFilter
@Path("/segments")
public interface SegmentClient {

    /** {@code {"items": [uuid, ...], "next": cursor}}, up to 10,000 a page. */
    @GET
    @Path("/{id}/member-ids")
    Uni<JsonNode> memberIds(@PathParam("id") UUID segment, @QueryParam("cursor") String cursor);
}
