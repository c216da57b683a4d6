package io.waymark.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Keycloak from its Maven Central distribution, in dev mode on loopback, with the {@code waymark} realm
 * imported from devstack/src/main/resources/keycloak/waymark-realm.json. Keycloak keeps a realm it already
 * has, so when the file changed since the last start (a new role, a new client) the dev database is dropped
 * first and the realm imported afresh; anything made by hand in the console is lost then.
 */
final class Keycloak extends ChildServer {

    Keycloak(Settings settings) {
        super(settings);
    }

    @Override
    public String name() {
        return "Keycloak";
    }

    @Override
    public boolean isUp() {
        return Proc.httpOk(settings.issuer() + "/.well-known/openid-configuration");
    }

    @Override
    public void start() {
        Path zip = Distributions.path(settings, "keycloak-quarkus-dist");
        Path home = settings.home().resolve("keycloak").resolve(zip.getFileName().toString().replace(".zip", ""));
        if (!Files.isExecutable(home.resolve("bin/kc.sh"))) {
            Proc.say("unpacking " + zip.getFileName() + " into " + home);
            Archives.unzip(zip, home);
        }
        copyRealm(home.resolve("data/import/waymark-realm.json"));
        String host = settings.host();
        launch(List.of(home.resolve("bin/kc.sh").toString(), "start-dev",
                        "--http-host=" + host,
                        "--http-port=" + settings.keycloakPort(),
                        // tokens always carry this issuer, however Keycloak was reached
                        "--hostname=" + settings.keycloakUrl(),
                        "--http-management-port=" + settings.keycloakManagementPort(),
                        "--health-enabled=true",
                        "--import-realm"),
                Map.of("JAVA_HOME", System.getProperty("java.home"),
                        "JAVA_OPTS_KC_HEAP", "-Xms32m -Xmx256m -XX:TieredStopAtLevel=1",
                        // the admin console login of a local development Keycloak, created on its first start
                        "KC_BOOTSTRAP_ADMIN_USERNAME", "admin",
                        "KC_BOOTSTRAP_ADMIN_PASSWORD", "admin"),
                home, Duration.ofMinutes(5));
    }

    private static void copyRealm(Path target) {
        try (InputStream realm = Keycloak.class.getResourceAsStream("/keycloak/waymark-realm.json")) {
            if (realm == null) {
                throw new IllegalStateException("keycloak/waymark-realm.json is not on the devstack classpath");
            }
            byte[] wanted = realm.readAllBytes();
            Files.createDirectories(target.getParent());
            if (Files.exists(target) && !java.util.Arrays.equals(Files.readAllBytes(target), wanted)) {
                Path database = target.getParent().getParent().resolve("h2");
                Proc.say("the waymark realm changed: Keycloak's dev database is dropped and the realm imported afresh");
                Archives.deleteTree(database);
            }
            Files.write(target, wanted);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
