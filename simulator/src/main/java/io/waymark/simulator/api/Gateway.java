package io.waymark.simulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.waymark.simulator.TokenSource;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The public API through the gateway, as an outside client calls it: JSON, real tokens (a service account by
 * client credentials, people by the demo users), and patience where the API asks for it (503 with Retry-After,
 * 429 of the rate-limited survey links, a connection refused while an app restarts): a few retries, then a
 * failure that names the call.
 */
public final class Gateway {

    /** An answer: status and body (empty for none). */
    public record Answer(int status, JsonNode body) {

        public String text(String field) {
            return body.path(field).asText(null);
        }
    }

    public static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());
    static final String INGEST = "client:waymark-ingest";
    private static final int ATTEMPTS = 8;

    private final URI base;
    private final String keycloakUrl;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, TokenSource> tokens = new ConcurrentHashMap<>();

    public Gateway(String gatewayUrl, String keycloakUrl) {
        this.base = URI.create(gatewayUrl.replaceAll("/$", ""));
        this.keycloakUrl = keycloakUrl;
    }

    /** The token of a demo user ({@code demo-designer}) or, for {@code client:<id>}, of that service account. */
    String token(String who) {
        return tokens.computeIfAbsent(who, w -> w.equals(INGEST) ? TokenSource.ingest(keycloakUrl)
                : TokenSource.user(keycloakUrl, w)).get();
    }

    public Answer get(String who, String path) {
        return call(who, "GET", path, null, null);
    }

    public Answer post(String who, String path, Object body) {
        return call(who, "POST", path, body, "application/json");
    }

    public Answer put(String who, String path, Object body) {
        return call(who, "PUT", path, body, "application/json");
    }

    public Answer patch(String who, String path, Object body) {
        return call(who, "PATCH", path, body, "application/json");
    }

    /** A call, {@code who} null for none (the public survey links); retried while the API says "later". */
    public Answer call(String who, String method, String path, Object body, String contentType) {
        String payload;
        try {
            payload = body == null ? null : body instanceof String s ? s : JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
        IOException lastFailure = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
                    .header("Accept", "application/json");
            if (who != null) {
                request.header("Authorization", "Bearer " + token(who));
            }
            request.method(method, payload == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(payload));
            if (payload != null) {
                request.header("Content-Type", contentType);
            }
            try {
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                if ((status == 503 || status == 429 || status == 502) && attempt < ATTEMPTS) {
                    pause(response.headers().firstValue("Retry-After").map(Gateway::seconds).orElse((long) attempt));
                    continue;
                }
                String text = response.body();
                return new Answer(status, text == null || text.isBlank() ? MissingNode.getInstance() : JSON.readTree(text));
            } catch (IOException e) {
                lastFailure = e;
                pause(attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        throw new IllegalStateException(method + " " + path + " failed " + ATTEMPTS + " times: " + lastFailure);
    }

    /** The answer, when its status is one of {@code expected}; else a failure naming the call and the problem. */
    public static Answer expect(Answer answer, String what, int... expected) {
        for (int status : expected) {
            if (answer.status() == status) {
                return answer;
            }
        }
        throw new IllegalStateException(what + ": " + answer.status() + " " + answer.body());
    }

    private static long seconds(String header) {
        try {
            return Math.max(1, Long.parseLong(header.trim()));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private static void pause(long seconds) {
        try {
            Thread.sleep(Math.min(30, seconds) * 1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
