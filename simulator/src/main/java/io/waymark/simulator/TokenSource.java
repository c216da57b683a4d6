package io.waymark.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Access tokens from Keycloak's realm {@code waymark}, as an outside client gets them: a service account
 * (client credentials) or a demo user (password grant through {@code waymark-cli}). Renewed a minute before
 * they expire.
 */
public final class TokenSource {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI tokenUrl;
    private final Map<String, String> form;
    private String token;
    private long renewAtNanos;

    private TokenSource(String keycloakUrl, Map<String, String> form) {
        this.tokenUrl = URI.create(keycloakUrl + "/realms/waymark/protocol/openid-connect/token");
        this.form = form;
    }

    /** The ingest service account ({@code waymark-ingest}, role ingest). */
    public static TokenSource ingest(String keycloakUrl) {
        return new TokenSource(keycloakUrl, Map.of("grant_type", "client_credentials", "client_id", "waymark-ingest",
                "client_secret", "waymark-ingest-secret"));
    }

    /** A demo user of the realm (password {@code waymark}), e.g. {@code demo-designer}. */
    public static TokenSource user(String keycloakUrl, String username) {
        return new TokenSource(keycloakUrl, Map.of("grant_type", "password", "client_id", "waymark-cli",
                "username", username, "password", "waymark"));
    }

    public synchronized String get() {
        if (token == null || System.nanoTime() > renewAtNanos) {
            fetch();
        }
        return token;
    }

    private void fetch() {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(tokenUrl).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode answer = JSON.readTree(response.body());
            if (response.statusCode() != 200 || !answer.hasNonNull("access_token")) {
                throw new IllegalStateException("Keycloak refused a token (" + response.statusCode() + "): " + response.body());
            }
            token = answer.get("access_token").asText();
            long lifetime = answer.path("expires_in").asLong(60);
            renewAtNanos = System.nanoTime() + Duration.ofSeconds(Math.max(5, lifetime - 60)).toNanos();
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach Keycloak at " + tokenUrl, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
