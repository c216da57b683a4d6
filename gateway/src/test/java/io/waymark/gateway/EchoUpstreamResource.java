package io.waymark.gateway;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.waymark.devstack.Devstack;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real Keycloak from the devstack, and in place of the services one small HTTP server that answers
 * with what it received, so the tests can see exactly what the gateway forwards. (The end-to-end test in
 * the e2e module runs the gateway in front of the real services.)
 */
public class EchoUpstreamResource implements QuarkusTestResourceLifecycleManager {

    private Vertx vertx;

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(Devstack.ensureInfra().infrastructureConfig());
        vertx = Vertx.vertx();
        try {
            HttpServer server = vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
                JsonObject echo = new JsonObject()
                        .put("method", request.method().name())
                        .put("uri", request.uri())
                        .put("authorization", request.getHeader("Authorization"))
                        .put("forwardedPrefix", request.getHeader("X-Forwarded-Prefix"))
                        .put("body", body.toString());
                var response = request.response().putHeader("Content-Type", "application/json");
                if (request.method().name().equals("POST")) {
                    response.setStatusCode(201).putHeader("Location",
                            "http://127.0.0.1:" + request.localAddress().port() + request.path() + "/42");
                }
                response.end(echo.encode());
            })).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            String url = "http://127.0.0.1:" + server.actualPort();
            for (String route : new String[] {"customers", "feedback", "analytics"}) {
                config.put("waymark.gateway.routes." + route + ".upstream", url);
            }
            // journey-service stands for a service that is down: nothing listens on port 9 here
            config.put("waymark.gateway.routes.journeys.upstream", "http://127.0.0.1:9");
            // a route with a larger body limit of its own, as a batch ingest path has
            config.put("waymark.gateway.routes.feedback.max-body-size", "1M");
            config.put("quarkus.http.limits.max-body-size", "1M");
            return config;
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the echo upstream", e);
        }
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close();
        }
    }
}
