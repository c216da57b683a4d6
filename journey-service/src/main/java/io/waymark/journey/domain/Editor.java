package io.waymark.journey.domain;

import io.waymark.platform.domain.Caller;
import io.waymark.platform.domain.NotAllowed;

/** A designer changes only maps owned by one of their teams; admins change every map. */
final class Editor {

    private Editor() {
    }

    static void mayChangeMapsOf(Caller caller, String team) {
        if (!caller.belongsTo(team)) {
            throw new NotAllowed("maps of team " + team + " are changed by that team (yours: " + caller.teamList()
                    + ") or an admin");
        }
    }
}
