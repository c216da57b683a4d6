package io.waymark.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
        assertEquals(55432, s.pgPort());
        assertEquals("127.0.0.1:59092", s.kafkaBootstrap());
        assertEquals("http://127.0.0.1:58180/realms/waymark", s.issuer());
        assertEquals(8080, s.servicePort("gateway"));
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
