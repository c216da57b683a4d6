package io.waymark.platform.api;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Size limits answered as problem+json before a request reaches the REST layer: a URI over
 * {@code waymark.http.max-uri-length} is 414, headers over {@code waymark.http.max-header-size} are 431 and a
 * declared body over {@code waymark.http.max-body-size} is 413 (on a batch path, {@code waymark.http.batch-paths},
 * over {@code quarkus.http.limits.max-body-size}, which a service with such a path raises). The HTTP codec's own
 * limits are set well above these (see the platform's defaults), because what the codec refuses it answers
 * without a body.
 */
@ApplicationScoped
public class HttpProblems {

    @ConfigProperty(name = "waymark.http.max-uri-length", defaultValue = "8192")
    int maxUriLength;

    @ConfigProperty(name = "waymark.http.max-header-size", defaultValue = "16K")
    MemorySize maxHeaderSize;

    @ConfigProperty(name = "waymark.http.max-body-size", defaultValue = "256K")
    MemorySize maxBodySize;

    @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "256K")
    MemorySize maxBatchBodySize;

    /** Paths (and what lies below them) that take batches, with the larger limit. */
    @ConfigProperty(name = "waymark.http.batch-paths")
    Optional<List<String>> batchPaths;

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 100).handler(this::checkLimits);
    }

    private void checkLimits(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        if (request.uri().length() > maxUriLength) {
            send(ctx, 414, "URI Too Long", "the request URI is longer than " + maxUriLength + " characters");
        } else if (headerBytes(request) > maxHeaderSize.asLongValue()) {
            send(ctx, 431, "Request Header Fields Too Large",
                    "the request headers are larger than " + maxHeaderSize.asLongValue() + " bytes");
        } else if (declaredLength(request) > bodyLimit(ctx.normalizedPath())) {
            send(ctx, 413, "Content Too Large",
                    "the request body is larger than " + bodyLimit(ctx.normalizedPath()) + " bytes");
        } else {
            ctx.next();
        }
    }

    private long bodyLimit(String path) {
        boolean batch = batchPaths.orElse(List.of()).stream()
                .anyMatch(p -> path.equals(p) || path.startsWith(p + "/"));
        return (batch ? maxBatchBodySize : maxBodySize).asLongValue();
    }

    private static long headerBytes(HttpServerRequest request) {
        long size = 0;
        for (var header : request.headers()) {
            size += header.getKey().length() + header.getValue().length() + 4;
        }
        return size;
    }

    private static long declaredLength(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        try {
            return length == null ? 0 : Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Answers and closes: the body that was not read must not be taken for the next request. */
    static void send(RoutingContext ctx, int status, String title, String detail) {
        String instance = instance(ctx.request().getHeader("X-Forwarded-Prefix"), ctx.normalizedPath());
        ctx.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(JsonObject.mapFrom(Problem.of(status, title, detail, instance)).encode());
    }

    /** The path the client called, with the gateway's prefix (only to name the request in a problem). */
    static String instance(String forwardedPrefix, String path) {
        if (path != null && path.length() > 256) {
            path = path.substring(0, 256) + "...";
        }
        return forwardedPrefix != null && forwardedPrefix.matches("/[A-Za-z0-9/_-]{1,64}") ? forwardedPrefix + path : path;
    }
}
