package io.waymark.gateway.domain;

import io.smallrye.config.ConfigMapping;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/** Where each service runs. The gateway owns the public path /api/{prefix}/** of each. */
@ConfigMapping(prefix = "waymark.upstream")
public interface Upstreams {

    URI customer();

    URI journey();

    URI feedback();

    URI analytics();

    /** Public path prefix (under /api) to service, in a fixed order. */
    default Map<String, URI> byPrefix() {
        Map<String, URI> routes = new LinkedHashMap<>();
        routes.put("customers", customer());
        routes.put("journeys", journey());
        routes.put("feedback", feedback());
        routes.put("analytics", analytics());
        return routes;
    }
}
