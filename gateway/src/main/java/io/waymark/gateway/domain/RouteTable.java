package io.waymark.gateway.domain;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which route a public path falls under: routes with their own {@code paths} first (the more specific), then
 * {@code /api/<name>} and everything below it. One matcher serves forwarding, body limits and the OpenAPI
 * document, so they can never disagree about a path.
 */
@ApplicationScoped
public class RouteTable {

    public static final String API = "/api";

    /** A route with the path patterns it answers, as regular expressions over the whole path. */
    public record Entry(String name, GatewayConfig.Route route, List<Pattern> patterns) {

        public boolean matches(String path) {
            return patterns.stream().anyMatch(p -> p.matcher(path).matches());
        }

        public boolean allows(Set<String> roles) {
            return route.roles().orElse(List.of()).stream().anyMatch(roles::contains);
        }
    }

    private final List<Entry> entries;
    private final GatewayConfig config;

    RouteTable(GatewayConfig config) {
        this.config = config;
        List<Entry> specific = new ArrayList<>();
        List<Entry> prefixes = new ArrayList<>();
        for (Map.Entry<String, GatewayConfig.Route> e : config.routes().entrySet()) {
            GatewayConfig.Route route = e.getValue();
            if (route.anonymous() && route.requestsPerMinute().isEmpty()) {
                throw new IllegalStateException("route " + e.getKey() + " takes callers without a token, so it needs "
                        + "waymark.gateway.routes." + e.getKey() + ".requests-per-minute");
            }
            if (route.paths().isPresent()) {
                specific.add(new Entry(e.getKey(), route, route.paths().get().stream().map(RouteTable::regex).toList()));
            } else {
                prefixes.add(new Entry(e.getKey(), route, List.of(Pattern.compile(Pattern.quote(API + "/" + e.getKey()) + "(/.*)?"))));
            }
        }
        specific.sort(Comparator.comparing(Entry::name));
        prefixes.sort(Comparator.comparing(Entry::name));
        List<Entry> all = new ArrayList<>(specific);
        all.addAll(prefixes);
        this.entries = List.copyOf(all);
    }

    /** Every route, in matching order. */
    public List<Entry> entries() {
        return entries;
    }

    public Optional<Entry> routeFor(String path) {
        return entries.stream().filter(e -> e.matches(path)).findFirst();
    }

    /** The body limit of the route a path falls under, or the gateway's own. */
    public long bodyLimit(String path) {
        return routeFor(path).flatMap(e -> e.route().maxBodySize()).orElse(config.maxBodySize()).asLongValue();
    }

    /** The distinct services behind the routes, each with the names of the routes that lead to it. */
    public Map<URI, List<String>> upstreams() {
        Map<URI, List<String>> byService = new java.util.LinkedHashMap<>();
        entries.stream().sorted(Comparator.comparing(Entry::name))
                .forEach(e -> byService.computeIfAbsent(e.route().upstream(), u -> new ArrayList<>()).add(e.name()));
        return byService;
    }

    /** {@code /api/customers/:id/timeline} as a regular expression; a trailing {@code *} takes anything below. */
    static Pattern regex(String vertxPath) {
        if (!vertxPath.startsWith(API + "/")) {
            throw new IllegalStateException("a route path must start with " + API + "/: " + vertxPath);
        }
        StringBuilder regex = new StringBuilder();
        String[] segments = vertxPath.substring(1).split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            String s = segments[i];
            if (s.equals("*") && i == segments.length - 1) {
                regex.append("(/.*)?");
            } else if (s.startsWith(":")) {
                regex.append("/[^/]+");
            } else {
                regex.append('/').append(Pattern.quote(s));
            }
        }
        return Pattern.compile(regex.toString());
    }
}
