package io.waymark.feedback.domain.cases;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One change of a case, kept for good: who (the token's user, or {@code feedback-service} for the opening),
 * when, and what changed. Free text (root-cause detail, note) is removed when the customer is erased.
 */
@Entity
@Table(name = "case_history")
public class CaseHistory {

    public static final String SYSTEM = "feedback-service";

    @Id
    public UUID id;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    @Column(nullable = false)
    public OffsetDateTime at;

    @Column(nullable = false)
    public String actor;

    @Column(name = "status_from")
    public String statusFrom;

    @Column(name = "status_to")
    public String statusTo;

    @Column(name = "assignee_from")
    public String assigneeFrom;

    @Column(name = "assignee_to")
    public String assigneeTo;

    @Column(name = "root_cause")
    public String rootCause;

    @Column(name = "root_cause_text")
    public String rootCauseText;

    public String note;
}
