package io.waymark.gateway.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.runtime.configuration.MemorySize;
import java.math.BigInteger;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which route a path falls under: own paths before prefixes, one segment per parameter. */
class RouteTableTest {

    private static GatewayConfig.Route route(String upstream, List<String> roles, List<String> paths, boolean anonymous,
                                             Integer perMinute, String maxBody) {
        return new GatewayConfig.Route() {
            public URI upstream() { return URI.create(upstream); }
            public Optional<List<String>> roles() { return Optional.ofNullable(roles); }
            public Optional<MemorySize> maxBodySize() { return Optional.ofNullable(maxBody).map(m -> new MemorySize(new BigInteger(m))); }
            public Optional<List<String>> paths() { return Optional.ofNullable(paths); }
            public boolean anonymous() { return anonymous; }
            public OptionalInt requestsPerMinute() { return perMinute == null ? OptionalInt.empty() : OptionalInt.of(perMinute); }
        };
    }

    private static GatewayConfig config(Map<String, GatewayConfig.Route> routes) {
        return new GatewayConfig() {
            public Map<String, Route> routes() { return routes; }
            public int connectTimeoutMs() { return 1; }
            public int maxConnectionsPerService() { return 1; }
            public Duration openapiCache() { return Duration.ZERO; }
            public int maxUriLength() { return 1; }
            public MemorySize maxHeaderSize() { return new MemorySize(BigInteger.ONE); }
            public MemorySize maxBodySize() { return new MemorySize(BigInteger.valueOf(256)); }
        };
    }

    private static RouteTable table() {
        Map<String, GatewayConfig.Route> routes = new LinkedHashMap<>();
        routes.put("customers", route("http://c:1", List.of("agent"), null, false, null, null));
        routes.put("interactions", route("http://j:2", List.of("ingest"), null, false, null, "4096"));
        routes.put("timeline", route("http://j:2", List.of("agent"), List.of("/api/customers/:id/timeline"), false, null, null));
        routes.put("public", route("http://f:3", null, List.of("/api/public/*"), true, 30, null));
        return new RouteTable(config(routes));
    }

    @Test
    void ownPathsWinOverAnotherRoutesPrefix() {
        RouteTable t = table();
        assertEquals("timeline", t.routeFor("/api/customers/42/timeline").orElseThrow().name());
        assertEquals("customers", t.routeFor("/api/customers/42").orElseThrow().name());
        assertEquals("customers", t.routeFor("/api/customers/42/timeline/x").orElseThrow().name());
        assertEquals("customers", t.routeFor("/api/customers").orElseThrow().name());
        assertEquals("public", t.routeFor("/api/public").orElseThrow().name());
        assertEquals("public", t.routeFor("/api/public/invitations/abc/response").orElseThrow().name());
        assertTrue(t.routeFor("/api/customersx").isEmpty());
        assertTrue(t.routeFor("/api/nothing").isEmpty());
    }

    @Test
    void bodyLimitsFollowTheRoute() {
        RouteTable t = table();
        assertEquals(4096, t.bodyLimit("/api/interactions"));
        assertEquals(256, t.bodyLimit("/api/customers/1/timeline"));
        assertEquals(256, t.bodyLimit("/elsewhere"));
    }

    @Test
    void rolesAndUpstreams() {
        RouteTable t = table();
        assertTrue(t.routeFor("/api/interactions").orElseThrow().allows(Set.of("ingest")));
        assertTrue(!t.routeFor("/api/interactions").orElseThrow().allows(Set.of("agent")));
        assertTrue(!t.routeFor("/api/public/x").orElseThrow().allows(Set.of("agent")));
        assertEquals(List.of("interactions", "timeline"), t.upstreams().get(URI.create("http://j:2")));
    }

    @Test
    void anAnonymousRouteNeedsARateLimitAndPathsStartUnderApi() {
        Map<String, GatewayConfig.Route> open = Map.of("public", route("http://f:3", null, null, true, null, null));
        assertThrows(IllegalStateException.class, () -> new RouteTable(config(open)));
        Map<String, GatewayConfig.Route> outside = Map.of("x", route("http://f:3", null, List.of("/elsewhere/:id"), false, null, null));
        assertThrows(IllegalStateException.class, () -> new RouteTable(config(outside)));
    }
}
