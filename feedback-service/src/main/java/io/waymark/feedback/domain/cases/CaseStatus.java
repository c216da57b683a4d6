package io.waymark.feedback.domain.cases;

import io.waymark.platform.domain.Conflict;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The life of a case: open → in_progress → resolved → closed; a resolved or closed case can be reopened (and
 * then worked on again: reopened → in_progress). Only a case in progress is resolved. A case waiting for its
 * team may be closed without being resolved (nothing to fix). Anything else is 409.
 */
public final class CaseStatus {

    public static final String OPEN = "open";
    public static final String IN_PROGRESS = "in_progress";
    public static final String RESOLVED = "resolved";
    public static final String CLOSED = "closed";
    public static final String REOPENED = "reopened";
    public static final List<String> ALL = List.of(OPEN, IN_PROGRESS, RESOLVED, CLOSED, REOPENED);
    /** Statuses in which a case waits for its team (and can be overdue). */
    public static final List<String> WAITING = List.of(OPEN, IN_PROGRESS, REOPENED);

    private static final Map<String, Set<String>> NEXT = Map.of(
            OPEN, Set.of(IN_PROGRESS, CLOSED),
            IN_PROGRESS, Set.of(RESOLVED, CLOSED),
            RESOLVED, Set.of(CLOSED, REOPENED),
            CLOSED, Set.of(REOPENED),
            REOPENED, Set.of(IN_PROGRESS, CLOSED));

    private CaseStatus() {
    }

    public static boolean mayMove(String from, String to) {
        return NEXT.getOrDefault(from, Set.of()).contains(to);
    }

    /** Refuses a move the life of a case does not allow (409), naming the moves that are. */
    public static void checkMove(String from, String to) {
        if (!mayMove(from, to)) {
            throw new Conflict("a case that is " + from + " cannot become " + to + " (it can become: "
                    + String.join(", ", NEXT.get(from).stream().sorted().toList()) + ")");
        }
    }
}
