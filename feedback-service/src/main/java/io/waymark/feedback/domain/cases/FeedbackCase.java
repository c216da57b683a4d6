package io.waymark.feedback.domain.cases;

import io.waymark.contracts.LifecycleStage;
import io.waymark.contracts.feedback.FeedbackCaseClosed;
import io.waymark.contracts.feedback.FeedbackCaseOpened;
import io.waymark.feedback.domain.survey.SurveyKind;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A follow-up case: an unhappy answer, for the team that owns the touchpoint, with a due time from the SLA of
 * its priority. Holds the score that opened it and, once the customer answers again after its resolution,
 * the score after (recovery). One case per response (a unique key on {@code response_id}).
 */
@Entity
@Table(name = "feedback_case")
public class FeedbackCase {

    public static final String HIGH = "high";
    public static final String NORMAL = "normal";

    @Id
    public UUID id;

    @Column(name = "response_id", nullable = false)
    public UUID responseId;

    @Column(name = "survey_id", nullable = false)
    public UUID surveyId;

    @Column(name = "customer_id")
    public UUID customerId;

    @Column(nullable = false)
    public String team;

    @Column(nullable = false)
    public String status;

    @Column(nullable = false)
    public String priority;

    /** Why the answer counts as unhappy, wrapped: Hibernate Reactive binds JSON objects only, not arrays. */
    public record Reasons(List<String> items) {
    }

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "reasons", nullable = false, columnDefinition = "jsonb")
    public Reasons reasonList;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SurveyKind kind;

    @Column(name = "score_before")
    public Integer scoreBefore;

    @Column(name = "normalized_before")
    public Double normalizedBefore;

    @Column(name = "journey_id")
    public UUID journeyId;

    @Column(name = "touchpoint_key")
    public String touchpointKey;

    @Enumerated(EnumType.STRING)
    @Column(name = "lifecycle_stage")
    public LifecycleStage lifecycleStage;

    public String assignee;

    @Column(name = "root_cause")
    public String rootCause;

    @Column(name = "root_cause_text")
    public String rootCauseText;

    @Column(name = "opened_at", nullable = false)
    public OffsetDateTime openedAt;

    @Column(name = "due_at", nullable = false)
    public OffsetDateTime dueAt;

    @Column(name = "resolved_at")
    public OffsetDateTime resolvedAt;

    @Column(name = "closed_at")
    public OffsetDateTime closedAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Column(name = "follow_up_response_id")
    public UUID followUpResponseId;

    @Column(name = "score_after")
    public Integer scoreAfter;

    @Column(name = "normalized_after")
    public Double normalizedAfter;

    /** 1 at opening, one more per change: the ETag, and the aggregateversion of the case's events. */
    @Column(nullable = false)
    public long revision = 1;

    @Version
    public long version;

    public List<String> reasons() {
        return reasonList.items();
    }

    public boolean isOverdue(OffsetDateTime now) {
        return CaseStatus.WAITING.contains(status) && dueAt.isBefore(now);
    }

    /** The case as case-opened tells it: at a reopening, {@code openedAt} is when it was reopened. */
    FeedbackCaseOpened opened(OffsetDateTime at) {
        return new FeedbackCaseOpened(id, responseId, surveyId, customerId, team, priority, reasons(), journeyId,
                touchpointKey, lifecycleStage, at, dueAt);
    }

    FeedbackCaseClosed closed() {
        OffsetDateTime end = resolvedAt != null ? resolvedAt : closedAt;
        FeedbackCaseClosed.Recovery recovery = followUpResponseId == null ? null
                : new FeedbackCaseClosed.Recovery(kind.name(), scoreBefore, scoreAfter, normalizedBefore,
                normalizedAfter, followUpResponseId);
        return new FeedbackCaseClosed(id, customerId, team, priority, rootCause, journeyId, touchpointKey, openedAt,
                resolvedAt, closedAt, Duration.between(openedAt, end).toSeconds(), recovery);
    }
}
