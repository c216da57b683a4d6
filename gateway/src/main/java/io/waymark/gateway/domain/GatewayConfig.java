package io.waymark.gateway.domain;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The gateway's settings, routes first: {@code waymark.gateway.routes.<prefix>.*} sends {@code /api/<prefix>/**}
 * to a service. Adding a service to the public API is one route here (two or three lines of configuration).
 */
@ConfigMapping(prefix = "waymark.gateway")
public interface GatewayConfig {

    Map<String, Route> routes();

    @WithDefault("2000")
    int connectTimeoutMs();

    @WithDefault("64")
    int maxConnectionsPerService();

    /** How long the merged OpenAPI document is kept. */
    @WithDefault("30s")
    Duration openapiCache();

    /** Longest request URI answered (414 past it). */
    @WithDefault("8192")
    int maxUriLength();

    /** Largest request headers answered (431 past them). */
    @WithDefault("16K")
    MemorySize maxHeaderSize();

    /** Largest request body a route takes unless it says otherwise (413 past it). */
    @WithDefault("256K")
    MemorySize maxBodySize();

    interface Route {

        /** Where the service runs. */
        URI upstream();

        /** Roles that may reach the service at all; each service then decides per operation. No roles, no access. */
        List<String> roles();

        /** A larger body limit for this route only (batch ingest paths), documented with the route. */
        Optional<MemorySize> maxBodySize();
    }

    /** Routes by public prefix, in a fixed (alphabetical) order. */
    default Map<String, Route> sortedRoutes() {
        return new TreeMap<>(routes());
    }

    default boolean allows(String prefix, Set<String> held) {
        Route route = routes().get(prefix);
        return route != null && route.roles().stream().anyMatch(held::contains);
    }

    /** The body limit of the route a path falls under ({@code /api/<prefix>/...}). */
    default long bodyLimit(String path) {
        for (Map.Entry<String, Route> route : routes().entrySet()) {
            String prefix = "/api/" + route.getKey();
            if ((path.equals(prefix) || path.startsWith(prefix + "/")) && route.getValue().maxBodySize().isPresent()) {
                return route.getValue().maxBodySize().get().asLongValue();
            }
        }
        return maxBodySize().asLongValue();
    }
}
