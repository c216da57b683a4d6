package io.waymark.feedback.domain.response;

import java.util.UUID;

/**
 * A recorded response: {@code created} false when the id was recorded before (a client's retry: the original is
 * answered and nothing else happens); {@code caseId} the follow-up case it opened, if any.
 */
public record Recorded(SurveyResponse response, UUID caseId, boolean created) {
}
