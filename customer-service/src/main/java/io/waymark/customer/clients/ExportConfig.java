package io.waymark.customer.clients;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;

/** Where the GDPR export finds the other services, and how long it waits for each. */
@ConfigMapping(prefix = "waymark.export")
public interface ExportConfig {

    /** Service name → base URL. */
    Map<String, String> services();

    @WithDefault("3s")
    Duration timeout();
}
