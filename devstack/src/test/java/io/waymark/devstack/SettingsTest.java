package io.waymark.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SettingsTest {

    @AfterEach
    void clear() {
        System.clearProperty("waymark.pg.port");
    }

    @Test
    void defaultsAvoidTheUsualPorts() {
        Settings s = Settings.load();
        assertEquals(25432, s.pgPort());
        assertEquals("127.0.0.1:29092", s.kafkaBootstrap());
        assertEquals("http://127.0.0.1:28180/realms/waymark", s.issuer());
        assertEquals(8080, s.servicePort("gateway"));
    }

    /**
     * Linux hands out 32768-60999 as the local ports of outgoing connections; a server binding one of them
     * late (Keycloak) fails whenever a client of the build happens to hold it. The end-to-end apps' too.
     */
    @Test
    void everyDefaultPortLiesBelowTheEphemeralRange() {
        Settings s = Settings.load();
        List<Integer> ports = new ArrayList<>(List.of(s.pgPort(), s.kafkaPort(),
                s.kafkaControllerPort(), s.keycloakPort(), s.keycloakManagementPort()));
        s.appPorts().values().forEach(p -> ports.add(p + TestStack.E2E_PORT_OFFSET));
        ports.addAll(s.appPorts().values());
        for (int port : ports) {
            assertTrue(port < 32768, port + " lies in the ephemeral port range");
        }
    }

    @Test
    void portsCanBeMovedAndBadOnesAreRefusedClearly() {
        System.setProperty("waymark.pg.port", "6543");
        assertEquals(6543, Settings.load().pgPort());
        assertEquals("6543", Settings.load().infrastructureConfig().get("waymark.db.port"));
        System.setProperty("waymark.pg.port", "70000");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, Settings::load);
        assertEquals("waymark.pg.port must be a port number (1-65535), not '70000'", e.getMessage());
    }

    @Test
    void environmentNamesFollowQuarkusRules() {
        assertEquals("WAYMARK_UPSTREAM_CUSTOMER", Settings.envName("waymark.upstream.customer"));
        assertEquals("KAFKA_BOOTSTRAP_SERVERS", Settings.envName("kafka.bootstrap.servers"));
    }
}
