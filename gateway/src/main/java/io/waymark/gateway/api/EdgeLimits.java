package io.waymark.gateway.api;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.waymark.gateway.domain.GatewayConfig;
import io.waymark.gateway.domain.RouteTable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Size limits at the edge, answered as problem+json before anything is forwarded: URI (414), headers (431)
 * and a declared body over the route's limit (413). The HTTP codec's own limits (application.properties)
 * sit above these, since what the codec refuses it answers without a body. A chunked body of unknown size
 * is passed on and bounded by the service's own limit.
 */
@ApplicationScoped
public class EdgeLimits {

    @Inject
    GatewayConfig config;

    @Inject
    RouteTable routes;

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 100).handler(this::check);
    }

    private void check(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        long bodyLimit = routes.bodyLimit(ctx.normalizedPath());
        if (request.uri().length() > config.maxUriLength()) {
            refuse(ctx, 414, "URI Too Long", "the request URI is longer than " + config.maxUriLength() + " characters");
        } else if (headerBytes(request) > config.maxHeaderSize().asLongValue()) {
            refuse(ctx, 431, "Request Header Fields Too Large",
                    "the request headers are larger than " + config.maxHeaderSize().asLongValue() + " bytes");
        } else if (declaredLength(request) > bodyLimit) {
            refuse(ctx, 413, "Content Too Large", "the request body is larger than " + bodyLimit + " bytes");
        } else {
            ctx.next();
        }
    }

    private static void refuse(RoutingContext ctx, int status, String title, String detail) {
        // the unread body must not be taken for the next request on this connection
        ctx.response().putHeader("Connection", "close");
        Problems.send(ctx, status, title, detail);
    }

    private static long headerBytes(HttpServerRequest request) {
        long size = 0;
        for (var header : request.headers()) {
            size += header.getKey().length() + header.getValue().length() + 4;
        }
        return size;
    }

    private static long declaredLength(HttpServerRequest request) {
        try {
            String length = request.getHeader("Content-Length");
            return length == null ? 0 : Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
