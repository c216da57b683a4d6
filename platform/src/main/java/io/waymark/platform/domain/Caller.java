package io.waymark.platform.domain;

import java.util.Set;

/**
 * Who makes a request, as domain code needs it: the user's name, the teams they belong to (the token's
 * {@code teams} claim, from Keycloak groups) and whether they are an admin. Cross-functional ownership is data:
 * maps, surveys and cases name an owning team, and a caller acts on those of their teams (admins on all).
 */
public record Caller(String user, Set<String> teams, boolean admin) {

    public Caller {
        teams = teams == null ? Set.of() : Set.copyOf(teams);
    }

    /** True when the caller may act on what {@code team} owns. */
    public boolean belongsTo(String team) {
        return admin || teams.contains(team);
    }

    /** The caller's teams, sorted, for messages ("none" without any). */
    public String teamList() {
        return teams.isEmpty() ? "none" : String.join(", ", teams.stream().sorted().toList());
    }
}
