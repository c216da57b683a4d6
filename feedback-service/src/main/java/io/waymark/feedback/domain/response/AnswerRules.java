package io.waymark.feedback.domain.response;

import io.waymark.feedback.domain.TextRules;
import io.waymark.feedback.domain.survey.Question;
import io.waymark.feedback.domain.survey.Survey;
import io.waymark.feedback.domain.survey.SurveyKind;
import io.waymark.platform.domain.Invalid;
import io.waymark.platform.domain.Invalid.FieldError;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks an answer against its survey: a score within the kind's scale, answers to questions that exist, with
 * values of their type (ratings on their scale, options that exist). Every problem names its field path and
 * the question it concerns.
 */
public final class AnswerRules {

    static final int MAX_TEXT_ANSWER = 2000;

    private AnswerRules() {
    }

    public static Scored check(Survey survey, ResponseInput input, int maxCommentLength) {
        List<FieldError> errors = new ArrayList<>();
        TextRules.check(errors, "comment", input.comment(), maxCommentLength, false);
        TextRules.checkShape(errors, "channel", input.channel(), TextRules.KEY, TextRules.KEY_SHAPE);
        Scored scored = survey.kind == SurveyKind.CUSTOM ? custom(errors, survey, input) : rated(errors, survey.kind, input);
        if (!errors.isEmpty()) {
            throw new Invalid("the answer does not fit survey " + survey.id, errors);
        }
        return scored;
    }

    private static Scored rated(List<FieldError> errors, SurveyKind kind, ResponseInput input) {
        if (input.answers() != null) {
            errors.add(new FieldError("answers", "only CUSTOM surveys take answers; a " + kind + " survey takes a score"));
        }
        Integer score = input.score();
        if (score == null) {
            errors.add(new FieldError("score", "is required: a whole number from " + kind.min() + " to " + kind.max()));
            return null;
        }
        if (score < kind.min() || score > kind.max()) {
            errors.add(new FieldError("score", "must be from " + kind.min() + " to " + kind.max() + " (" + kind + ")"));
            return null;
        }
        return new Scored(score, kind.normalize(score), null);
    }

    private static Scored custom(List<FieldError> errors, Survey survey, ResponseInput input) {
        if (input.score() != null) {
            errors.add(new FieldError("score", "a CUSTOM survey takes answers, not a score"));
        }
        List<Answer> answers = input.answers() == null ? List.of() : input.answers();
        Map<String, Question> questions = new HashMap<>();
        survey.questions().forEach(q -> questions.put(q.key(), q));
        Set<String> answered = new HashSet<>();
        List<Answer> kept = new ArrayList<>();
        for (int i = 0; i < answers.size(); i++) {
            String at = "answers[" + i + "]";
            Answer answer = answers.get(i);
            Question question = answer == null ? null : questions.get(answer.question());
            if (question == null) {
                errors.add(new FieldError(at + ".question", answer == null || answer.question() == null
                        ? "names the question it answers (its key)"
                        : "survey has no question '" + answer.question() + "'"));
            } else if (!answered.add(question.key())) {
                errors.add(new FieldError(at + ".question", "question '" + question.key() + "' is answered twice"));
            } else {
                Object value = value(errors, at + ".value", question, answer.value());
                if (value != null) {
                    kept.add(new Answer(question.key(), value));
                }
            }
        }
        for (Question q : survey.questions()) {
            if (q.required() && !answered.contains(q.key())) {
                errors.add(new FieldError("answers", "question '" + q.key() + "' is required"));
            }
        }
        Integer score = survey.scoredQuestion().flatMap(q -> kept.stream().filter(a -> a.question().equals(q.key()))
                .map(a -> (Integer) a.value()).findFirst()).orElse(null);
        Double normalized = score == null ? null : survey.scoredQuestion()
                .map(q -> SurveyKind.normalize(score, q.min(), q.max(), false)).orElse(null);
        return new Scored(score, normalized, kept);
    }

    /** The value as kept (an Integer, a String or a list of Strings), or null after adding what is wrong. */
    private static Object value(List<FieldError> errors, String at, Question q, Object value) {
        String about = " (question '" + q.key() + "')";
        switch (q.type()) {
            case Question.RATING -> {
                if (value instanceof Integer n && n >= q.min() && n <= q.max()) {
                    return n;
                }
                errors.add(new FieldError(at, "a whole number from " + q.min() + " to " + q.max() + about));
            }
            case Question.SINGLE_CHOICE -> {
                if (value instanceof String s && q.options().contains(s)) {
                    return s;
                }
                errors.add(new FieldError(at, "one of the options " + q.options() + about));
            }
            case Question.MULTIPLE_CHOICE -> {
                if (value instanceof List<?> list && !list.isEmpty() && list.stream().allMatch(q.options()::contains)
                        && Set.copyOf(list).size() == list.size()) {
                    return list.stream().map(String.class::cast).toList();
                }
                errors.add(new FieldError(at, "a list of distinct options from " + q.options() + about));
            }
            default -> {
                List<FieldError> textErrors = new ArrayList<>();
                if (value instanceof String s) {
                    TextRules.check(textErrors, at, s, MAX_TEXT_ANSWER, q.required());
                    if (textErrors.isEmpty()) {
                        return s;
                    }
                }
                errors.add(new FieldError(at, "text of at most " + MAX_TEXT_ANSWER
                        + " characters, without control characters" + about));
            }
        }
        return null;
    }
}
