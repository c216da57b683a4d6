package io.waymark.feedback.domain.survey;

import static io.waymark.feedback.domain.TextRules.checkShape;

import io.waymark.feedback.domain.TextRules;
import io.waymark.platform.domain.Invalid;
import io.waymark.platform.domain.Invalid.FieldError;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The rules of a survey definition; {@link #check} names every problem at once, each by its field path. */
public final class SurveyRules {

    static final int MAX_QUESTIONS = 20;
    static final int MAX_OPTIONS = 20;
    static final int MAX_RATING_SPAN = 100;
    /** A rating's min and max lie within ±this: no arithmetic on a scale can overflow. */
    static final int MAX_RATING_BOUND = 1000;

    private SurveyRules() {
    }

    /** The kind, once the whole definition is valid; {@link Invalid} otherwise. */
    public static SurveyKind check(SurveyDefinition d) {
        List<FieldError> errors = new ArrayList<>();
        TextRules.check(errors, "name", d.name(), 200, true);
        TextRules.check(errors, "question", d.question(), 500, true);
        TextRules.check(errors, "followUp", d.followUp(), 500, false);
        TextRules.check(errors, "owningTeam", d.owningTeam(), 40, true);
        checkShape(errors, "owningTeam", d.owningTeam(), TextRules.TEAM, TextRules.TEAM_SHAPE);
        SurveyKind kind = SurveyKind.parse(d.kind()).orElse(null);
        if (kind == null) {
            errors.add(new FieldError("kind", "one of NPS, CSAT, CES, CUSTOM"));
        } else if (kind == SurveyKind.CUSTOM) {
            questions(errors, d.questions());
        } else if (d.questions() != null) {
            errors.add(new FieldError("questions", "only CUSTOM surveys have questions"));
        }
        target(errors, d.target() == null ? SurveyTarget.NONE : d.target());
        if (!errors.isEmpty()) {
            throw new Invalid("the survey is not valid", errors);
        }
        return kind;
    }

    private static void target(List<FieldError> errors, SurveyTarget t) {
        checkShape(errors, "target.touchpointKey", t.touchpointKey(), TextRules.KEY, TextRules.KEY_SHAPE);
        checkShape(errors, "target.channel", t.channel(), TextRules.KEY, TextRules.KEY_SHAPE);
        if (t.touchpointKey() != null && t.journeyId() == null) {
            errors.add(new FieldError("target.journeyId", "is required with a touchpointKey"));
        }
    }

    private static void questions(List<FieldError> errors, List<Question> questions) {
        if (questions == null || questions.isEmpty()) {
            errors.add(new FieldError("questions", "a CUSTOM survey needs 1-" + MAX_QUESTIONS + " questions"));
            return;
        }
        if (questions.size() > MAX_QUESTIONS) {
            errors.add(new FieldError("questions", "at most " + MAX_QUESTIONS + " questions"));
        }
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < questions.size(); i++) {
            String at = "questions[" + i + "]";
            Question q = questions.get(i);
            if (q == null) {
                errors.add(new FieldError(at, "is required"));
                continue;
            }
            TextRules.check(errors, at + ".key", q.key(), 64, true);
            checkShape(errors, at + ".key", q.key(), TextRules.KEY, TextRules.KEY_SHAPE);
            if (q.key() != null && !keys.add(q.key())) {
                errors.add(new FieldError(at + ".key", "another question has the key '" + q.key() + "'"));
            }
            TextRules.check(errors, at + ".text", q.text(), 500, true);
            if (!Question.TYPES.contains(q.type())) {
                errors.add(new FieldError(at + ".type", "one of " + String.join(", ", Question.TYPES)));
                continue;
            }
            scale(errors, at, q);
            options(errors, at, q);
        }
    }

    private static void scale(List<FieldError> errors, String at, Question q) {
        if (!q.isRating()) {
            if (q.min() != null || q.max() != null) {
                errors.add(new FieldError(at + ".min", "only rating questions have a scale"));
            }
        } else if (q.min() == null || q.max() == null || q.min() < -MAX_RATING_BOUND || q.max() > MAX_RATING_BOUND
                || q.min() >= q.max() || (long) q.max() - q.min() > MAX_RATING_SPAN) {
            errors.add(new FieldError(at + ".max", "a rating needs whole numbers min < max from -" + MAX_RATING_BOUND
                    + " to " + MAX_RATING_BOUND + ", at most " + MAX_RATING_SPAN + " apart"));
        }
    }

    private static void options(List<FieldError> errors, String at, Question q) {
        boolean choice = Question.SINGLE_CHOICE.equals(q.type()) || Question.MULTIPLE_CHOICE.equals(q.type());
        if (!choice) {
            if (q.options() != null) {
                errors.add(new FieldError(at + ".options", "only choice questions have options"));
            }
            return;
        }
        if (q.options() == null || q.options().size() < 2 || q.options().size() > MAX_OPTIONS) {
            errors.add(new FieldError(at + ".options", "a choice needs 2-" + MAX_OPTIONS + " options"));
            return;
        }
        Set<String> seen = new HashSet<>();
        for (int j = 0; j < q.options().size(); j++) {
            String option = q.options().get(j);
            TextRules.check(errors, at + ".options[" + j + "]", option, 100, true);
            if (option != null && !seen.add(option)) {
                errors.add(new FieldError(at + ".options[" + j + "]", "appears twice"));
            }
        }
    }
}
