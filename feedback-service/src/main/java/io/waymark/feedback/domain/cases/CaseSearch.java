package io.waymark.feedback.domain.cases;

import io.waymark.platform.paging.PageQuery;
import java.util.Optional;
import java.util.Set;

/**
 * Filters of the case list. {@code visibleTeams} empty means every team (an admin); otherwise only those teams'
 * cases are found, whatever {@code team} asks for.
 */
public record CaseSearch(Optional<String> team, Optional<String> status, boolean overdue, Optional<Set<String>> visibleTeams,
                         PageQuery page) {
}
