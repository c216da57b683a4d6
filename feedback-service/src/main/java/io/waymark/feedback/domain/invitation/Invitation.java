package io.waymark.feedback.domain.invitation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A single-use link for one customer to answer one survey without logging in. Only the SHA-256 of the link's
 * token is kept: whoever reads the database cannot answer in the customer's name.
 */
@Entity
@Table(name = "invitation")
public class Invitation {

    @Id
    public UUID id;

    @Column(name = "token_hash", nullable = false)
    public byte[] tokenHash;

    @Column(name = "survey_id", nullable = false)
    public UUID surveyId;

    @Column(name = "customer_id", nullable = false)
    public UUID customerId;

    /** The case whose resolution asked "did we fix it?", for a follow-up invitation. */
    @Column(name = "case_id")
    public UUID caseId;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "expires_at", nullable = false)
    public OffsetDateTime expiresAt;

    @Column(name = "used_at")
    public OffsetDateTime usedAt;

    @Column(name = "response_id")
    public UUID responseId;
}
