package io.waymark.testing;

import io.waymark.devstack.Settings;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Real access tokens from the devstack's Keycloak for tests: a demo user's (password grant through the
 * {@code waymark-cli} client) or a service account's (client credentials). Cached for a minute.
 */
public final class Tokens {

    public static final String DEMO_PASSWORD = "waymark";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Map<String, Cached> CACHE = new ConcurrentHashMap<>();

    private record Cached(String token, long expiresAtNanos) {
    }

    private Tokens() {
    }

    /** The token of demo user {@code demo-<role>}, e.g. {@code forRole("analyst")}. */
    public static String forRole(String role) {
        return forUser("demo-" + role);
    }

    public static String forUser(String username) {
        return cached("user:" + username, Map.of("grant_type", "password", "client_id", "waymark-cli",
                "username", username, "password", DEMO_PASSWORD));
    }

    public static String forClient(String clientId, String secret) {
        return cached("client:" + clientId, Map.of("grant_type", "client_credentials", "client_id", clientId,
                "client_secret", secret));
    }

    private static String cached(String key, Map<String, String> form) {
        Cached c = CACHE.get(key);
        if (c != null && System.nanoTime() < c.expiresAtNanos) {
            return c.token;
        }
        String token = fetch(form);
        CACHE.put(key, new Cached(token, System.nanoTime() + Duration.ofSeconds(60).toNanos()));
        return token;
    }

    private static String fetch(Map<String, String> form) {
        Settings settings = Settings.load();
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(settings.issuer() + "/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            Matcher m = ACCESS_TOKEN.matcher(response.body());
            if (response.statusCode() != 200 || !m.find()) {
                throw new IllegalStateException("Keycloak refused a token (" + response.statusCode() + "): " + response.body());
            }
            return m.group(1);
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach Keycloak at " + settings.keycloakUrl(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
