package io.waymark.gateway.api;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;
import io.waymark.gateway.domain.ClientRateLimits;
import io.waymark.gateway.domain.GatewayConfig;
import io.waymark.gateway.domain.RouteTable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.OptionalLong;
import org.jboss.logging.Logger;

/**
 * Forwards /api/{service}/** (or a route's own paths, see {@link RouteTable}) to the service's /{service}/**
 * with Vert.x's reverse proxy (streamed bodies, hop-by-hop headers handled), after checking the token at the
 * edge: none or an invalid one is 401, one without any role the service accepts
 * ({@link GatewayConfig.Route#roles()}) is 403, both as problem+json. The Authorization header travels on,
 * because every service checks it again. A route for callers without a token (survey links) is limited per
 * client address instead (429).
 */
@ApplicationScoped
public class ProxyRoutes {

    static final String API = RouteTable.API;
    private static final String NEEDS_TOKEN = "a valid bearer token from the waymark realm is required";
    private static final Logger LOG = Logger.getLogger(ProxyRoutes.class);

    @Inject
    Vertx vertx;

    @Inject
    GatewayConfig config;

    @Inject
    RouteTable routes;

    @Inject
    ClientRateLimits rateLimits;

    void register(@Observes Router router) {
        HttpClient client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout(config.connectTimeoutMs())
                .setKeepAlive(true)
                .setMaxPoolSize(config.maxConnectionsPerService()));
        // in matching order: Vert.x tries routes in the order they were added
        for (RouteTable.Entry route : routes.entries()) {
            URI upstream = route.route().upstream();
            HttpProxy proxy = HttpProxy.reverseProxy(client).origin(upstream.getPort(), upstream.getHost());
            proxy.addInterceptor(new Rewrite(upstream));
            Handler<RoutingContext> handler = route.route().anonymous()
                    ? rc -> limit(rc, route, () -> proxy.handle(rc.request()))
                    : rc -> authorize(rc, route, () -> proxy.handle(rc.request()));
            route.patterns().forEach(pattern -> router.routeWithRegex(pattern.pattern()).handler(handler));
            LOG.infof("routing %s (%s) to %s", route.name(), route.patterns(), upstream);
        }
        // anything else under /api: tell only an authenticated caller that nothing is there
        Handler<RoutingContext> nothingHere = rc -> authorize(rc, null,
                () -> refuse(rc, 404, "Not Found", "no resource at " + rc.normalizedPath()));
        router.route(API).handler(nothingHere);
        router.route(API + "/*").handler(nothingHere);
    }

    /** Runs {@code forward} while the client address stays under the route's rate limit. */
    private void limit(RoutingContext rc, RouteTable.Entry route, Runnable forward) {
        String client = rc.request().remoteAddress() == null ? "unknown" : rc.request().remoteAddress().hostAddress();
        OptionalLong retryAfter = rateLimits.take(route.name(), client, route.route().requestsPerMinute().orElseThrow());
        if (retryAfter.isPresent()) {
            rc.response().putHeader("Retry-After", Long.toString(retryAfter.getAsLong()));
            refuse(rc, 429, "Too Many Requests", "too many requests from your address; try again in "
                    + retryAfter.getAsLong() + " s");
        } else {
            forward.run();
        }
    }

    /** Runs {@code forward} for a valid token with a role the route accepts (any role when route is null). */
    private void authorize(RoutingContext rc, RouteTable.Entry route, Runnable forward) {
        Uni<SecurityIdentity> identity = rc.get(QuarkusHttpUser.DEFERRED_IDENTITY_KEY);
        if (identity == null) {
            refuse(rc, 401, "Unauthorized", NEEDS_TOKEN);
            return;
        }
        // the body must wait while the token is checked (a key fetch from Keycloak may be involved)
        rc.request().pause();
        identity.subscribe().with(id -> {
            if (id.isAnonymous()) {
                rc.response().putHeader("WWW-Authenticate", "Bearer");
                refuse(rc, 401, "Unauthorized", NEEDS_TOKEN);
            } else if (route != null && !route.allows(id.getRoles())) {
                refuse(rc, 403, "Forbidden", "your roles do not allow using this service");
            } else {
                forward.run();
            }
        }, failure -> {
            rc.response().putHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            refuse(rc, 401, "Unauthorized", "the bearer token is invalid or expired");
        });
    }

    /** Answers without forwarding; the unread body is let through to be discarded, keeping the connection usable. */
    private static void refuse(RoutingContext rc, int status, String title, String detail) {
        rc.request().resume();
        Problems.send(rc, status, title, detail);
    }

    /** Strips /api on the way in, adds X-Forwarded-*, turns the service's Location into the public one. */
    private static final class Rewrite implements ProxyInterceptor {

        private final String origin;

        Rewrite(URI upstream) {
            this.origin = upstream.getScheme() + "://" + upstream.getAuthority();
        }

        @Override
        public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
            ProxyRequest request = context.request();
            var incoming = request.proxiedRequest();
            request.setURI(request.getURI().substring(API.length()));
            request.headers().set("X-Forwarded-Host", incoming.getHeader("Host"));
            request.headers().set("X-Forwarded-Proto", incoming.scheme());
            request.headers().set("X-Forwarded-Prefix", API);
            if (incoming.remoteAddress() != null) {
                request.headers().add("X-Forwarded-For", incoming.remoteAddress().hostAddress());
            }
            return context.sendRequest().recover(failure -> {
                LOG.warnf("%s did not answer %s: %s", origin, request.getURI(), failure.getMessage());
                String problem = Problems.body(503, "Service Unavailable",
                        "the service behind " + API + " is not reachable right now; retry later", incoming.path());
                ProxyResponse response = request.release().response()
                        .setStatusCode(503).setStatusMessage("Service Unavailable")
                        .setBody(Body.body(Buffer.buffer(problem)));
                response.headers().set("Content-Type", Problems.MEDIA_TYPE).set("Retry-After", "5");
                return Future.succeededFuture(response);
            });
        }

        @Override
        public Future<Void> handleProxyResponse(ProxyContext context) {
            ProxyResponse response = context.response();
            String location = response.headers().get("Location");
            if (location != null && location.startsWith(origin)) {
                var incoming = context.request().proxiedRequest();
                response.headers().set("Location",
                        incoming.scheme() + "://" + incoming.getHeader("Host") + API + location.substring(origin.length()));
            }
            return context.sendResponse();
        }
    }
}
