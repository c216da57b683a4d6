package io.waymark.platform.api;

import io.quarkus.security.identity.SecurityIdentity;
import io.waymark.platform.domain.Caller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The current request's {@link Caller}: the token's subject name, its {@code teams} claim and the admin role. */
@RequestScoped
public class Callers {

    private final SecurityIdentity identity;

    Callers(SecurityIdentity identity) {
        this.identity = identity;
    }

    public Caller current() {
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
        return new Caller(identity.getPrincipal().getName(), teams, identity.hasRole("admin"));
    }
}
