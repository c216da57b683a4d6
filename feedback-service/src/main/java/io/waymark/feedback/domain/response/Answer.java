package io.waymark.feedback.domain.response;

/**
 * One answer to a CUSTOM survey's question (named by its key): a whole number for a rating, an option for a
 * single choice, a list of options for a multiple choice, text for a text question.
 */
public record Answer(String question, Object value) {
}
