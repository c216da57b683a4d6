package io.waymark.feedback.domain.response;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.waymark.feedback.domain.survey.Question;
import io.waymark.feedback.domain.survey.Survey;
import io.waymark.feedback.domain.survey.SurveyKind;
import io.waymark.platform.domain.Invalid;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Answers checked against their survey: every problem names its field path and its question. */
class AnswerRulesTest {

    private static Survey survey(SurveyKind kind, List<Question> questions) {
        Survey s = new Survey();
        s.id = UUID.randomUUID();
        s.kind = kind;
        s.questions(questions);
        return s;
    }

    private static final Survey CUSTOM = survey(SurveyKind.CUSTOM, List.of(
            new Question("ease", "How easy was it?", Question.RATING, 1, 5, null, true),
            new Question("channel", "Where did you buy?", Question.SINGLE_CHOICE, null, null, List.of("web", "store"), false),
            new Question("liked", "What did you like?", Question.MULTIPLE_CHOICE, null, null, List.of("price", "speed", "staff"), false),
            new Question("why", "Why?", Question.TEXT, null, null, null, false)));

    private static List<String> fields(Invalid e) {
        return e.errors().stream().map(Invalid.FieldError::field).toList();
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({"NPS, 0, 0.0", "NPS, 10, 1.0", "NPS, 7, 0.7", "CSAT, 1, 0.0", "CSAT, 4, 0.75", "CES, 1, 1.0", "CES, 7, 0.0",
            "CES, 4, 0.5"})
    void scoresOnTheScaleAreKeptAndNormalisedWithOneTheBest(SurveyKind kind, int score, double normalized) {
        Scored scored = AnswerRules.check(survey(kind, null), new ResponseInput(score, null, null, null), 2000);
        assertEquals(score, scored.score());
        assertEquals(normalized, scored.normalizedScore(), 1e-9);
    }

    @ParameterizedTest(name = "{0} {1} is 400")
    @CsvSource({"NPS, -1", "NPS, 11", "CSAT, 0", "CSAT, 6", "CES, 0", "CES, 8"})
    void scoresOffTheScaleNameTheScore(SurveyKind kind, int score) {
        Invalid e = assertThrows(Invalid.class, () ->
                AnswerRules.check(survey(kind, null), new ResponseInput(score, null, null, null), 2000));
        assertEquals(List.of("score"), fields(e));
        assertTrue(e.errors().get(0).message().contains(kind.min() + " to " + kind.max()));
    }

    @Test
    void aScoreIsRequiredAndAnswersAreOnlyForCustomSurveys() {
        Invalid e = assertThrows(Invalid.class, () -> AnswerRules.check(survey(SurveyKind.NPS, null),
                new ResponseInput(null, List.of(new Answer("x", 1)), "ok", "not a channel!"), 2000));
        assertEquals(List.of("channel", "answers", "score"), fields(e));
    }

    @Test
    void customAnswersAreKeptAndTheFirstRatingIsTheScore() {
        Scored scored = AnswerRules.check(CUSTOM, new ResponseInput(null, List.of(new Answer("liked", List.of("price", "staff")),
                new Answer("ease", 4), new Answer("channel", "web"), new Answer("why", "quick")), null, null), 2000);
        assertEquals(4, scored.score());
        assertEquals(0.75, scored.normalizedScore(), 1e-9);
        assertEquals(4, scored.answers().size());
    }

    @Test
    void customAnswersNameTheQuestionAndThePathOfEachProblem() {
        Invalid e = assertThrows(Invalid.class, () -> AnswerRules.check(CUSTOM, new ResponseInput(3, List.of(
                new Answer("ease", 6), new Answer("channel", "phone"), new Answer("liked", List.of("price", "price")),
                new Answer("nope", 1), new Answer("why", 12), new Answer("channel", "web")), null, null), 2000));
        assertEquals(List.of("score", "answers[0].value", "answers[1].value", "answers[2].value", "answers[3].question",
                "answers[4].value", "answers[5].question"), fields(e));
        assertTrue(e.errors().get(1).message().contains("question 'ease'"), e.errors().get(1).message());
        assertTrue(e.errors().get(2).message().contains("question 'channel'"), e.errors().get(2).message());
        assertTrue(e.errors().get(4).message().contains("'nope'"), e.errors().get(4).message());
    }

    @Test
    void aRequiredQuestionLeftOutIsNamedAndADecimalIsNotARating() {
        Invalid missing = assertThrows(Invalid.class, () -> AnswerRules.check(CUSTOM,
                new ResponseInput(null, List.of(new Answer("channel", "web")), null, null), 2000));
        assertEquals(List.of("answers"), fields(missing));
        assertTrue(missing.errors().get(0).message().contains("'ease'"));
        Invalid decimal = assertThrows(Invalid.class, () -> AnswerRules.check(CUSTOM,
                new ResponseInput(null, List.of(new Answer("ease", 3.5)), null, null), 2000));
        assertEquals(List.of("answers[0].value"), fields(decimal));
    }

    @Test
    void commentsAreBounded() {
        Invalid e = assertThrows(Invalid.class, () -> AnswerRules.check(survey(SurveyKind.CSAT, null),
                new ResponseInput(3, null, "x".repeat(2001), null), 2000));
        assertEquals(List.of("comment"), fields(e));
        Invalid nul = assertThrows(Invalid.class, () -> AnswerRules.check(survey(SurveyKind.CSAT, null),
                new ResponseInput(3, null, "bad\u0000byte", null), 2000));
        assertEquals(List.of("comment"), fields(nul));
        assertNull(AnswerRules.check(survey(SurveyKind.CSAT, null), new ResponseInput(3, null, null, null), 2000).answers());
    }
}
