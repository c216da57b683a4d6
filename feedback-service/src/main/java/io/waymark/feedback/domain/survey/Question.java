package io.waymark.feedback.domain.survey;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;

/**
 * One question of a CUSTOM survey. {@code key} names it in answers ({@code {"question": key, "value": ...}});
 * {@code min}/{@code max} are a rating's scale, {@code options} a choice's options.
 */
public record Question(String key, String text, String type, Integer min, Integer max, List<String> options,
                       boolean required) {

    public static final String RATING = "rating";
    public static final String SINGLE_CHOICE = "single_choice";
    public static final String MULTIPLE_CHOICE = "multiple_choice";
    public static final String TEXT = "text";
    public static final List<String> TYPES = List.of(RATING, SINGLE_CHOICE, MULTIPLE_CHOICE, TEXT);

    @JsonIgnore
    public boolean isRating() {
        return RATING.equals(type);
    }
}
