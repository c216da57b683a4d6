package io.waymark.journey.domain;

import io.waymark.platform.domain.NotAllowed;
import java.util.Set;

/**
 * Who is changing maps: a user, the teams they belong to (the token's {@code teams} claim) and whether they
 * are an admin (who may change every map). A designer changes only maps owned by one of their teams.
 */
public record Editor(String user, Set<String> teams, boolean admin) {

    public Editor {
        teams = teams == null ? Set.of() : Set.copyOf(teams);
    }

    void mayChangeMapsOf(String team) {
        if (!admin && !teams.contains(team)) {
            throw new NotAllowed("maps of team " + team + " are changed by that team (yours: "
                    + (teams.isEmpty() ? "none" : String.join(", ", teams.stream().sorted().toList())) + ") or an admin");
        }
    }
}
