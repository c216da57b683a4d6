package io.waymark.gateway.domain;

import io.smallrye.config.ConfigMapping;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Which roles may reach each service through the gateway at all ({@code waymark.gateway.roles.<prefix>}). */
@ConfigMapping(prefix = "waymark.gateway")
public interface EdgeRoles {

    Map<String, List<String>> roles();

    /** True when one of {@code held} may reach the service behind {@code /api/<prefix>}; no rule, no access. */
    default boolean allows(String prefix, Set<String> held) {
        return roles().getOrDefault(prefix, List.of()).stream().anyMatch(held::contains);
    }
}
