package io.waymark.gateway.domain;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The gateway's settings, routes first: {@code waymark.gateway.routes.<name>.*} sends {@code /api/<name>/**}
 * (or the route's own {@code paths}) to a service. Adding a service to the public API is one route here (two
 * or three lines of configuration); {@link RouteTable} decides which route a path falls under.
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
        Optional<List<String>> roles();

        /** A larger body limit for this route only (batch ingest paths), documented with the route. */
        Optional<MemorySize> maxBodySize();

        /**
         * Paths this route serves in place of {@code /api/<name>/**}, in Vert.x' syntax ({@code :id} one segment,
         * a trailing {@code *} anything below): a resource one service serves under another's prefix, such as
         * {@code /api/customers/:id/timeline}. They are matched before every prefix.
         */
        Optional<List<String>> paths();

        /** Callers without a token may use this route (links that customers open); it then needs a rate limit. */
        @WithDefault("false")
        boolean anonymous();

        /** Requests per minute a client address may send on this route (429 past it). */
        OptionalInt requestsPerMinute();
    }
}
