package io.waymark.gateway;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.waymark.devstack.TestStack;
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
        Map<String, String> config = new HashMap<>(TestStack.ensureInfra().infrastructureConfig());
        vertx = Vertx.vertx();
        try {
            String url = echo("customer");
            for (String route : new String[] {"customers", "surveys", "cases", "public", "analytics"}) {
                config.put("waymark.gateway.routes." + route + ".upstream", url);
            }
            // the routes of journey-service that sit beside the maps: answered by an echo of their own
            String journeyEcho = echo("journey");
            config.put("waymark.gateway.routes.interactions.upstream", journeyEcho);
            config.put("waymark.gateway.routes.timeline.upstream", journeyEcho);
            // journey maps stand for a service that is down: nothing listens on port 9 here
            config.put("waymark.gateway.routes.journeys.upstream", "http://127.0.0.1:9");
            // a strict limit for the anonymous route, so a test can reach it
            config.put("waymark.gateway.routes.public.requests-per-minute", "5");
            return config;
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the echo upstreams", e);
        }
    }

    /** An HTTP server answering with what it received and its own name; returns its URL. */
    private String echo(String name) throws Exception {
        HttpServer server = vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
                JsonObject echo = new JsonObject()
                        .put("upstream", name)
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
        return "http://127.0.0.1:" + server.actualPort();
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close();
        }
    }
}
