package io.waymark.feedback.domain.survey;

import java.util.List;

/** What a survey is, as a designer writes it (create, or replace a draft); checked by {@link SurveyRules}. */
public record SurveyDefinition(String name, String kind, String question, String followUp, List<Question> questions,
                               SurveyTarget target, String owningTeam) {
}
