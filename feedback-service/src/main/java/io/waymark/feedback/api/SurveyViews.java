package io.waymark.feedback.api;

import io.waymark.feedback.domain.invitation.IssuedInvitation;
import io.waymark.feedback.domain.response.Answer;
import io.waymark.feedback.domain.response.Recorded;
import io.waymark.feedback.domain.response.SurveyResponse;
import io.waymark.feedback.domain.survey.Question;
import io.waymark.feedback.domain.survey.Survey;
import io.waymark.feedback.domain.survey.SurveyTarget;
import io.waymark.contracts.LifecycleStage;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** What the survey API takes (beside the survey definition itself) and answers. */
final class SurveyViews {

    private SurveyViews() {
    }

    /** The scale of an NPS, CSAT or CES survey's score (null for CUSTOM: each rating question has its own). */
    record Scale(int min, int max) {

        static Scale of(Survey s) {
            return s.kind.hasOwnScale() ? new Scale(s.kind.min(), s.kind.max()) : null;
        }
    }

    record SurveyView(UUID id, String name, String kind, String question, String followUp, List<Question> questions,
                      SurveyTarget target, String owningTeam, String status, Scale scale, String createdBy,
                      OffsetDateTime createdAt, OffsetDateTime updatedAt, OffsetDateTime activatedAt,
                      OffsetDateTime closedAt) {

        static SurveyView of(Survey s) {
            return new SurveyView(s.id, s.name, s.kind.name(), s.question, s.followUp, s.questions(), s.target(),
                    s.owningTeam, s.status, Scale.of(s), s.createdBy, s.createdAt, s.updatedAt, s.activatedAt, s.closedAt);
        }
    }

    /** An answer from a system: {@code id} is the client's, so a retry is recognised (200, nothing new). */
    /** An answer from a system; {@code respondedAt} when it was given, if before now (an import, a replay). */
    record ResponseRequest(UUID id, UUID customerId, Integer score, List<Answer> answers, String comment, String channel,
                           OffsetDateTime respondedAt) {
    }

    record ResponseView(UUID id, UUID surveyId, String kind, Integer score, Double normalizedScore, List<Answer> answers,
                        String comment, Double sentiment, String sentimentLabel, UUID customerId, String channel,
                        UUID journeyId, String touchpointKey, LifecycleStage lifecycleStage, OffsetDateTime recordedAt,
                        UUID caseId) {

        static ResponseView of(Recorded recorded) {
            SurveyResponse r = recorded.response();
            return new ResponseView(r.id, r.surveyId, r.kind.name(), r.score, r.normalizedScore, r.answers(), r.comment,
                    r.sentiment, r.sentimentLabel, r.customerId, r.channel, r.journeyId, r.touchpointKey,
                    r.lifecycleStage, r.recordedAt, recorded.caseId());
        }
    }

    record InvitationRequest(UUID customerId) {
    }

    /** A new invitation; {@code token} and {@code url} are shown only here (only the token's hash is kept). */
    record InvitationView(UUID id, UUID surveyId, UUID customerId, UUID caseId, String token, String url,
                          OffsetDateTime expiresAt) {

        static InvitationView of(IssuedInvitation i) {
            return new InvitationView(i.id(), i.surveyId(), i.customerId(), i.caseId(), i.token(), i.url(), i.expiresAt());
        }
    }

    /** What a customer's link shows: the survey's questions, nothing about the customer. */
    record PublicSurveyView(String name, String kind, String question, String followUp, List<Question> questions,
                            Scale scale, OffsetDateTime expiresAt) {

        static PublicSurveyView of(Survey s, OffsetDateTime expiresAt) {
            return new PublicSurveyView(s.name, s.kind.name(), s.question, s.followUp, s.questions(), Scale.of(s), expiresAt);
        }
    }

    /** A customer's answer through their link. */
    record PublicAnswer(Integer score, List<Answer> answers, String comment, String channel) {
    }

    record PublicAnswerView(UUID id, OffsetDateTime recordedAt) {
    }
}
