package io.waymark.e2e;

import io.restassured.RestAssured;
import io.waymark.devstack.Settings;
import io.waymark.devstack.TestStack;
import org.junit.jupiter.api.BeforeAll;

/**
 * End-to-end tests talk to the apps this build has just made, started once for all test classes on ports of
 * their own (never the ones ./waymark up may run), only through the gateway.
 */
abstract class ThroughTheGateway {

    @BeforeAll
    static void stackIsUp() {
        Settings settings = TestStack.startAppsForEndToEnd();
        RestAssured.baseURI = settings.serviceUrl("gateway");
        RestAssured.port = settings.gatewayPort();
    }
}
