package io.waymark.journey.api;

import io.quarkus.security.identity.SecurityIdentity;
import io.waymark.journey.domain.Editor;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The caller as an {@link Editor}: the token's subject name, its {@code teams} claim (Keycloak groups) and roles. */
@RequestScoped
class Editors {

    private final SecurityIdentity identity;

    Editors(SecurityIdentity identity) {
        this.identity = identity;
    }

    Editor current() {
        Set<String> teams = new LinkedHashSet<>();
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            Object claim = token.getClaim("teams");
            if (claim instanceof JsonArray array) {
                array.forEach(v -> teams.add(v instanceof JsonString s ? s.getString() : v.toString()));
            } else if (claim instanceof Collection<?> values) {
                values.forEach(v -> teams.add(String.valueOf(v)));
            } else if (claim instanceof String one) {
                teams.add(one);
            }
        }
        return new Editor(identity.getPrincipal().getName(), teams, identity.hasRole("admin"));
    }
}
