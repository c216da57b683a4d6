package io.waymark.gateway.api;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The gateway's own errors as RFC 9457 problem+json, like the services': refused tokens (401) and roles
 * that may not use a service (403), sent by {@link ProxyRoutes}, and paths nothing serves (404).
 */
@ApplicationScoped
public class Problems {

    void register(@Observes Router router) {
        // after every other route, including the REST resources and /q/*: nothing matched
        router.route().order(Integer.MAX_VALUE).handler(ctx -> send(ctx, 404, "Not Found",
                "no resource at " + ctx.normalizedPath()));
    }

    static void send(RoutingContext ctx, int status, String title, String detail) {
        if (ctx.response().ended()) {
            return;
        }
        ctx.response().setStatusCode(status).putHeader("Content-Type", MEDIA_TYPE)
                .end(body(status, title, detail, ctx.normalizedPath()));
    }

    static final String MEDIA_TYPE = "application/problem+json";

    /** An RFC 9457 problem body, as every gateway refusal writes it. */
    static String body(int status, String title, String detail, String instance) {
        return new JsonObject().put("type", "about:blank").put("title", title).put("status", status)
                .put("detail", detail).put("instance", instance).encode();
    }
}
