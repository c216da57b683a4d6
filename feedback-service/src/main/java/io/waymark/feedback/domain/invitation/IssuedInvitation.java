package io.waymark.feedback.domain.invitation;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A new invitation as its creator sees it, once: the token is not kept, so it cannot be shown again. */
public record IssuedInvitation(UUID id, UUID surveyId, UUID customerId, UUID caseId, String token, String url,
                               OffsetDateTime expiresAt) {
}
