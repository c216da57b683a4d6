package io.waymark.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.waymark.devstack.TestStack;
import java.util.Map;

/**
 * For {@code @QuarkusTest}s: makes sure the real PostgreSQL, Kafka and Keycloak run (see
 * {@link TestStack#ensureInfra()}) and points the service at them.
 */
public class DevstackTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return TestStack.ensureInfra().infrastructureConfig();
    }

    @Override
    public void stop() {
        // the devstack outlives a single test class; it ends with the build (or stays for ./waymark up)
    }
}
