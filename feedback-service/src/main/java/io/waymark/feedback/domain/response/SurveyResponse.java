package io.waymark.feedback.domain.response;

import io.waymark.contracts.LifecycleStage;
import io.waymark.feedback.domain.survey.Question;
import io.waymark.feedback.domain.survey.Survey;
import io.waymark.feedback.domain.survey.SurveyKind;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One answer to a survey. Kept after the customer is erased, without the link to the person and without free
 * text (comment, text answers), so that the survey's numbers stay right.
 */
@Entity
@Table(name = "survey_response")
public class SurveyResponse {

    @Id
    public UUID id;

    @Column(name = "survey_id", nullable = false)
    public UUID surveyId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SurveyKind kind;

    public Integer score;

    @Column(name = "normalized_score")
    public Double normalizedScore;

    /** A CUSTOM survey's answers, wrapped: Hibernate Reactive binds JSON objects only, not arrays. */
    public record Answers(List<Answer> items) {
    }

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "answers", columnDefinition = "jsonb")
    public Answers answerList;

    public String comment;

    public Double sentiment;

    @Column(name = "sentiment_label")
    public String sentimentLabel;

    @Column(name = "customer_id")
    public UUID customerId;

    @Column(name = "invitation_id")
    public UUID invitationId;

    @Column(name = "journey_id")
    public UUID journeyId;

    @Column(name = "touchpoint_key")
    public String touchpointKey;

    @Enumerated(EnumType.STRING)
    @Column(name = "lifecycle_stage")
    public LifecycleStage lifecycleStage;

    public String channel;

    @Column(name = "recorded_at", nullable = false)
    public OffsetDateTime recordedAt;

    /** What an erasure leaves: the numbers, the survey's context, no person and no free text. */
    public void forgetPersonalData(Survey survey) {
        customerId = null;
        comment = null;
        if (answers() != null && survey.questions() != null) {
            Set<String> textQuestions = survey.questions().stream().filter(q -> Question.TEXT.equals(q.type()))
                    .map(Question::key).collect(Collectors.toSet());
            answers(answers().stream().filter(a -> !textQuestions.contains(a.question())).toList());
        }
    }

    /** A CUSTOM survey's answers; null for the other kinds. */
    public List<Answer> answers() {
        return answerList == null ? null : answerList.items();
    }

    public void answers(List<Answer> answers) {
        answerList = answers == null ? null : new Answers(List.copyOf(answers));
    }
}
