package io.waymark.feedback.domain.cases;

import java.util.Optional;

/**
 * What a PATCH of a case asks for; null fields stay as they are. {@code assignee} present with a null
 * {@code to} unassigns. {@code followUpInvitation} asks, with a move to resolved, for a "did we fix it?"
 * invitation for the same customer and survey.
 */
public record CaseChange(String status, Assignee assignee, String rootCause, String rootCauseText, String note,
                         boolean followUpInvitation, Optional<Long> expectedRevision) {

    /** The new assignee; null {@code to} for none. */
    public record Assignee(String to) {
    }

    public boolean isEmpty() {
        return status == null && assignee == null && rootCause == null && rootCauseText == null && note == null
                && !followUpInvitation;
    }
}
