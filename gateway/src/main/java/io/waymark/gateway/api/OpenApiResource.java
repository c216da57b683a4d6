package io.waymark.gateway.api;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.waymark.gateway.domain.GatewayConfig;
import io.waymark.gateway.domain.RouteTable;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * One OpenAPI document for the whole public API: each service's document, with its paths moved under
 * /api, merged into one, keeping only the paths the gateway routes to that service (a service's
 * service-to-service endpoints are not public). A service that does not answer is listed under
 * {@code x-waymark-unavailable} (by its route names) instead of failing the document. Cached briefly, as
 * services change only when redeployed.
 */
@Path("/openapi")
public class OpenApiResource {

    private record Cached(JsonObject document, long expiresAtNanos) {
    }

    @Inject
    Vertx vertx;

    @Inject
    GatewayConfig config;

    @Inject
    RouteTable routes;

    @ConfigProperty(name = "waymark.keycloak.url")
    String keycloakUrl;


    private WebClient client;
    private final AtomicReference<Cached> cache = new AtomicReference<>();

    @PostConstruct
    void init() {
        client = WebClient.create(vertx, new WebClientOptions().setConnectTimeout(2000));
    }

    @GET
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The OpenAPI document of the whole Waymark API (all services, under /api)")
    public Uni<JsonObject> document() {
        Cached cached = cache.get();
        if (cached != null && System.nanoTime() < cached.expiresAtNanos()) {
            return Uni.createFrom().item(cached.document());
        }
        List<Map.Entry<URI, List<String>>> services = List.copyOf(routes.upstreams().entrySet());
        List<Uni<JsonObject>> fetches = services.stream().map(e -> fetch(e.getKey())).toList();
        return Uni.join().all(fetches).andFailFast().map(docs -> {
            JsonObject merged = skeleton();
            for (int i = 0; i < docs.size(); i++) {
                merge(merged, services.get(i).getKey(), services.get(i).getValue(), docs.get(i));
            }
            boolean complete = merged.getJsonArray("x-waymark-unavailable").isEmpty();
            // an incomplete document is not kept, so a service that comes back shows up at once
            if (complete) {
                cache.set(new Cached(merged, System.nanoTime() + config.openapiCache().toNanos()));
            }
            return merged;
        });
    }

    private Uni<JsonObject> fetch(URI service) {
        return client.getAbs(service.resolve("/q/openapi?format=json").toString())
                .timeout(3000)
                .send()
                .map(r -> r.statusCode() == 200 ? r.bodyAsJsonObject() : null)
                .onFailure().recoverWithNull()
                .map(doc -> doc == null ? new JsonObject().put("x-unavailable", service.toString()) : doc);
    }

    private JsonObject skeleton() {
        String realm = keycloakUrl + "/realms/waymark/protocol/openid-connect";
        JsonObject oauth = new JsonObject().put("type", "oauth2").put("description",
                        "Keycloak realm 'waymark'; frontends use the public client waymark-web (authorization code + PKCE)")
                .put("flows", new JsonObject().put("authorizationCode", new JsonObject()
                        .put("authorizationUrl", realm + "/auth").put("tokenUrl", realm + "/token")
                        .put("scopes", new JsonObject())));
        return new JsonObject()
                .put("openapi", "3.0.3")
                .put("info", new JsonObject().put("title", "Waymark API").put("version", "0.1.0").put("description",
                        "Customer lifecycle management and journey mapping. Every call needs a Keycloak access token."))
                .put("servers", new JsonArray().add(new JsonObject().put("url", "/")))
                .put("security", new JsonArray().add(new JsonObject().put("keycloak", new JsonArray())))
                .put("tags", new JsonArray())
                .put("paths", new JsonObject())
                .put("components", new JsonObject().put("schemas", new JsonObject())
                        .put("securitySchemes", new JsonObject().put("keycloak", oauth)))
                .put("x-waymark-unavailable", new JsonArray());
    }

    private void merge(JsonObject merged, URI service, List<String> routeNames, JsonObject doc) {
        if (doc.containsKey("x-unavailable")) {
            routeNames.forEach(merged.getJsonArray("x-waymark-unavailable")::add);
            return;
        }
        JsonObject paths = merged.getJsonObject("paths");
        doc.getJsonObject("paths", new JsonObject()).forEach(p -> {
            String publicPath = RouteTable.API + p.getKey();
            // {id} stands for one path segment, as a client would send it
            String sample = publicPath.replaceAll("\\{[^/}]+}", "x");
            if (routes.routeFor(sample).filter(r -> r.route().upstream().equals(service)).isPresent()) {
                paths.put(publicPath, p.getValue());
            }
        });
        JsonObject components = doc.getJsonObject("components", new JsonObject());
        JsonObject schemas = merged.getJsonObject("components").getJsonObject("schemas");
        components.getJsonObject("schemas", new JsonObject()).forEach(s -> schemas.put(s.getKey(), s.getValue()));
        JsonObject schemes = merged.getJsonObject("components").getJsonObject("securitySchemes");
        components.getJsonObject("securitySchemes", new JsonObject()).forEach(s -> schemes.put(s.getKey(), s.getValue()));
        JsonArray tags = merged.getJsonArray("tags");
        doc.getJsonArray("tags", new JsonArray()).forEach(t -> {
            if (!tags.contains(t)) {
                tags.add(t);
            }
        });
    }
}
