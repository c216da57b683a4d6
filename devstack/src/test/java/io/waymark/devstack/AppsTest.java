package io.waymark.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The end-to-end run tests the apps this build made: it never takes whatever already answers on its ports. */
class AppsTest {

    @AfterEach
    void clear() {
        System.clearProperty("waymark.app-port-offset");
        System.clearProperty("waymark.customer.port");
    }

    @Test
    void anEndToEndRunRefusesAnAppItDidNotStart() throws Exception {
        HttpServer stale = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        stale.createContext("/q/health/ready", exchange -> {
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        stale.start();
        try {
            System.setProperty("waymark.customer.port", Integer.toString(stale.getAddress().getPort()));
            Apps apps = new Apps(Settings.load(), "e2e");
            IllegalStateException refused = assertThrows(IllegalStateException.class, apps::start);
            assertTrue(refused.getMessage().contains("customer already answers"), refused.getMessage());
        } finally {
            stale.stop(0);
        }
    }

    @Test
    void theServiceListDeclaresEveryAppOnce() {
        assertEquals(java.util.List.of("customer", "journey", "feedback", "analytics", "gateway"), Apps.ALL);
        assertEquals("customer-service", Apps.module("customer"));
        assertTrue(ServiceList.databases().containsAll(java.util.List.of("customer", "analytics", "platform")));
    }

    @Test
    void theEndToEndOffsetMovesEveryAppsPort() {
        // a port given for one app (WAYMARK_CUSTOMER_PORT=..., as a developer sharing the machine sets) wins over the offset
        Assumptions.assumeTrue(System.getenv("WAYMARK_CUSTOMER_PORT") == null && System.getenv("WAYMARK_GATEWAY_PORT") == null,
                "app ports are set in the environment");
        System.setProperty("waymark.app-port-offset", "10000");
        assertEquals(18181, Settings.load().servicePort("customer"));
        assertEquals(18080, Settings.load().gatewayPort());
    }
}
