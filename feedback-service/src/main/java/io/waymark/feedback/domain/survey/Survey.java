package io.waymark.feedback.domain.survey;

import io.waymark.contracts.LifecycleStage;
import io.waymark.feedback.domain.TextRules;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A survey: what it asks, where (its target), which team owns it, and whether it takes answers (active). */
@Entity
@Table(name = "survey")
public class Survey {

    public static final String DRAFT = "draft";
    public static final String ACTIVE = "active";
    public static final String CLOSED = "closed";

    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SurveyKind kind;

    @Column(nullable = false)
    public String question;

    @Column(name = "follow_up")
    public String followUp;

    /** The questions of a CUSTOM survey, wrapped: Hibernate Reactive binds JSON objects only, not arrays. */
    public record Questions(List<Question> items) {
    }

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "questions", columnDefinition = "jsonb")
    public Questions questionList;

    @Column(name = "journey_id")
    public UUID journeyId;

    @Column(name = "touchpoint_key")
    public String touchpointKey;

    @Enumerated(EnumType.STRING)
    public LifecycleStage stage;

    public String channel;

    @Column(name = "owning_team", nullable = false)
    public String owningTeam;

    @Column(nullable = false)
    public String status;

    /** 1 at creation, one more per replaced draft, activation and closing: the ETag. */
    @Column(nullable = false)
    public long revision = 1;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Column(name = "activated_at")
    public OffsetDateTime activatedAt;

    @Column(name = "closed_at")
    public OffsetDateTime closedAt;

    @Version
    public long version;

    public SurveyTarget target() {
        return new SurveyTarget(journeyId, touchpointKey, stage, channel);
    }

    public boolean isActive() {
        return ACTIVE.equals(status);
    }

    /** The first rating question of a CUSTOM survey: its answer is the response's score. */
    public Optional<Question> scoredQuestion() {
        return questions() == null ? Optional.empty() : questions().stream().filter(Question::isRating).findFirst();
    }

    /** A CUSTOM survey's questions; null for the other kinds. */
    public List<Question> questions() {
        return questionList == null ? null : questionList.items();
    }

    public void questions(List<Question> questions) {
        questionList = questions == null ? null : new Questions(List.copyOf(questions));
    }

    void define(SurveyDefinition d, SurveyKind checkedKind) {
        SurveyTarget t = d.target() == null ? SurveyTarget.NONE : d.target();
        name = d.name().strip();
        kind = checkedKind;
        question = d.question().strip();
        followUp = TextRules.trimmed(d.followUp());
        questions(checkedKind == SurveyKind.CUSTOM ? d.questions() : null);
        journeyId = t.journeyId();
        touchpointKey = t.touchpointKey();
        stage = t.stage();
        channel = t.channel();
        owningTeam = d.owningTeam();
    }
}
