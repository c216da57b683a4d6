package io.waymark.feedback.domain.response;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.waymark.feedback.domain.FeedbackConfig;
import io.waymark.feedback.domain.TextRules;
import io.waymark.feedback.domain.response.ResponseRecorder.Origin;
import io.waymark.feedback.domain.sentiment.Sentiment;
import io.waymark.feedback.domain.sentiment.SentimentScorer;
import io.waymark.feedback.domain.survey.Survey;
import io.waymark.feedback.persistence.ResponseRepository;
import io.waymark.feedback.persistence.SurveyRepository;
import io.waymark.platform.domain.Conflict;
import io.waymark.platform.domain.FactTimes;
import io.waymark.platform.domain.Invalid;
import io.waymark.platform.domain.Invalid.FieldError;
import io.waymark.platform.domain.NotFound;
import io.waymark.platform.domain.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Answers sent by systems (role ingest), idempotent by the id the client chose: a repeat of a recorded id
 * answers the original and changes nothing, so it cannot open a second case.
 */
@ApplicationScoped
public class ResponseService {

    private final SurveyRepository surveys;
    private final ResponseRepository responses;
    private final ResponseRecorder recorder;
    private final SentimentScorer sentiments;
    private final FeedbackConfig config;

    ResponseService(SurveyRepository surveys, ResponseRepository responses, ResponseRecorder recorder,
                    SentimentScorer sentiments, FeedbackConfig config) {
        this.surveys = surveys;
        this.responses = responses;
        this.recorder = recorder;
        this.sentiments = sentiments;
        this.config = config;
    }

    /**
     * Sentiment is computed first, off the event loop and outside the transaction; then one transaction records.
     * {@code respondedAt}: when the customer answered, for an answer reported late (null: now).
     */
    public Uni<Recorded> record(UUID surveyId, UUID responseId, UUID customerId, ResponseInput input,
                                OffsetDateTime respondedAt) {
        List<FieldError> errors = new ArrayList<>();
        OffsetDateTime answeredAt = null;
        try {
            answeredAt = FactTimes.past("respondedAt", respondedAt, Timestamps.now());
        } catch (Invalid bad) {
            errors.addAll(bad.errors());
        }
        if (responseId == null) {
            errors.add(new FieldError("id", "is required: a UUID the client chooses, so a retry is recognised"));
        }
        if (customerId == null) {
            errors.add(new FieldError("customerId", "is required"));
        }
        TextRules.check(errors, "comment", input.comment(), config.maxCommentLength(), false);
        if (!errors.isEmpty()) {
            throw new Invalid("the response is not valid", errors);
        }
        OffsetDateTime at = answeredAt;
        return sentiments.scoreOffEventLoop(input.comment()).flatMap(sentiment -> Panache.withTransaction(() ->
                responses.lockId(responseId)
                        .flatMap(v -> responses.findById(responseId))
                        .flatMap(earlier -> earlier != null ? repeat(earlier, surveyId)
                                : recordNew(surveyId, responseId, customerId, input, sentiment, at))));
    }

    private Uni<Recorded> repeat(SurveyResponse earlier, UUID surveyId) {
        if (!earlier.surveyId.equals(surveyId)) {
            throw new Conflict("response id " + earlier.id + " is already an answer to another survey");
        }
        return recorder.repeated(earlier);
    }

    private Uni<Recorded> recordNew(UUID surveyId, UUID responseId, UUID customerId, ResponseInput input,
                                    Sentiment sentiment, OffsetDateTime answeredAt) {
        return surveys.findById(surveyId).onItem().ifNull().failWith(() -> new NotFound("survey", surveyId))
                .flatMap(survey -> {
                    requireActive(survey);
                    Scored scored = AnswerRules.check(survey, input, config.maxCommentLength());
                    return recorder.record(survey, responseId, customerId, scored, input, sentiment, Origin.SYSTEM,
                            answeredAt);
                });
    }

    static void requireActive(Survey survey) {
        if (!survey.isActive()) {
            throw new Conflict("survey " + survey.id + " is " + survey.status + "; only an active survey takes answers");
        }
    }
}
