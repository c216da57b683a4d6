package io.waymark.devstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Ports and folders of the devstack. Every value can be changed with a system property
 * ({@code -Dwaymark.pg.port=...}) or the matching environment variable ({@code WAYMARK_PG_PORT}).
 * The defaults are rarely used ports, so they do not clash with a PostgreSQL, Kafka or Keycloak a developer
 * already runs on the usual ones, and lie below Linux's ephemeral range (32768-60999), so no outgoing
 * connection holds one when its server binds it (decision 002).
 */
public record Settings(Path root, Path home, String host, int pgPort, int kafkaPort, int kafkaControllerPort,
                       int keycloakPort, int keycloakManagementPort, Map<String, Integer> appPorts) {

    public static final String DB_PASSWORD = "waymark";
    /** The cluster's superuser (devstack only: tests use it to break and inspect databases on purpose). */
    public static final String PG_SUPERUSER = "postgres";
    public static final String PG_SUPERUSER_PASSWORD = "postgres";
    public static final String REALM = "waymark";

    public static Settings load() {
        Path root = findRoot();
        return new Settings(
                root,
                Path.of(value("waymark.home", root.resolve(".waymark").toString())).toAbsolutePath(),
                value("waymark.host", "127.0.0.1"),
                port("waymark.pg.port", 25432),
                port("waymark.kafka.port", 29092),
                port("waymark.kafka.controller.port", 29093),
                port("waymark.keycloak.port", 28180),
                port("waymark.keycloak.management.port", 28190),
                loadAppPorts());
    }

    public String keycloakUrl() {
        return "http://" + host + ":" + keycloakPort;
    }

    public String issuer() {
        return keycloakUrl() + "/realms/" + REALM;
    }

    public String kafkaBootstrap() {
        return host + ":" + kafkaPort;
    }

    public String serviceUrl(String service) {
        return "http://" + host + ":" + servicePort(service);
    }

    public Path logs() {
        return home.resolve("logs");
    }

    public Path run() {
        return home.resolve("run");
    }

    public int servicePort(String app) {
        Integer port = appPorts.get(app);
        if (port == null) {
            throw new IllegalArgumentException("unknown app " + app);
        }
        return port;
    }

    public int gatewayPort() {
        return servicePort("gateway");
    }

    /**
     * Each app's port: {@code waymark.<name>.port}, else its default from the service list; plus
     * {@code waymark.app-port-offset} (the end-to-end test runs its own apps beside ./waymark up's).
     */
    private static Map<String, Integer> loadAppPorts() {
        int offset = Integer.parseInt(value("waymark.app-port-offset", "0"));
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (ServiceList app : ServiceList.apps()) {
            ports.put(app.name(), port("waymark." + app.name() + ".port", app.port() + offset));
        }
        return Map.copyOf(ports);
    }

    /**
     * The configuration that points a service at this devstack, as Quarkus property names. The services'
     * application.properties hold the same values as defaults; this map matters when ports were changed.
     */
    public Map<String, String> infrastructureConfig() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("waymark.db.host", host);
        config.put("waymark.db.port", Integer.toString(pgPort));
        config.put("kafka.bootstrap.servers", kafkaBootstrap());
        config.put("waymark.keycloak.url", keycloakUrl());
        return config;
    }

    /** Turns a Quarkus property name into the environment variable Quarkus reads for it. */
    public static String envName(String property) {
        return property.toUpperCase().replaceAll("[^A-Z0-9]", "_");
    }

    static String value(String property, String fallback) {
        String v = System.getProperty(property);
        if (v == null || v.isBlank()) {
            v = System.getenv(envName(property));
        }
        return v == null || v.isBlank() ? fallback : v.trim();
    }

    private static int port(String property, int fallback) {
        String v = value(property, Integer.toString(fallback));
        try {
            int port = Integer.parseInt(v);
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(property + " must be a port number (1-65535), not '" + v + "'");
        }
    }

    /** The repository root: -Dwaymark.root (the build sets it for tests), else the first folder upwards holding devstack/pom.xml. */
    static Path findRoot() {
        String configured = value("waymark.root", "");
        if (!configured.isEmpty()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("devstack/pom.xml"))) {
                return p;
            }
        }
        throw new IllegalStateException("cannot find the Waymark repository root; set -Dwaymark.root");
    }
}
