package io.waymark.feedback.domain.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.waymark.platform.domain.Invalid;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A CUSTOM rating's scale: bounded, so its arithmetic cannot overflow and its normalised score stays 0..1. */
class SurveyRulesTest {

    private static SurveyDefinition custom(int min, int max) {
        return new SurveyDefinition("Scale", "CUSTOM", "How was it?", null,
                List.of(new Question("rating", "Rate it", Question.RATING, min, max, null, true)), null, "support");
    }

    @ParameterizedTest(name = "{0}..{1} is 400")
    @CsvSource({"-2147483648, 2147483647", "-2147483648, -2147483600", "2147483600, 2147483647", "-1001, -990",
            "990, 1001", "0, 101", "5, 1", "3, 3"})
    void aScaleOutsideTheBoundsOrTooWideIsNamed(int min, int max) {
        Invalid e = assertThrows(Invalid.class, () -> SurveyRules.check(custom(min, max)));
        assertEquals(List.of("questions[0].max"), e.errors().stream().map(Invalid.FieldError::field).toList());
        assertTrue(e.errors().get(0).message().contains("-1000 to 1000"), e.errors().get(0).message());
    }

    @ParameterizedTest(name = "{0}..{1} is a scale")
    @CsvSource({"-1000, -900", "900, 1000", "0, 100", "-50, 50", "1, 2"})
    void aScaleWithinTheBoundsIsKept(int min, int max) {
        assertEquals(SurveyKind.CUSTOM, SurveyRules.check(custom(min, max)));
    }

    @Test
    void normalisingNeverOverflowsAndStaysWithinZeroAndOne() {
        assertEquals(0.0, SurveyKind.normalize(-1000, -1000, 1000, false));
        assertEquals(1.0, SurveyKind.normalize(1000, -1000, 1000, false));
        assertEquals(0.5, SurveyKind.normalize(0, -1000, 1000, false));
        // whatever a stored scale holds, int arithmetic cannot wrap round
        assertEquals(0.0, SurveyKind.normalize(Integer.MIN_VALUE, Integer.MIN_VALUE, Integer.MAX_VALUE, false));
        assertEquals(1.0, SurveyKind.normalize(Integer.MAX_VALUE, Integer.MIN_VALUE, Integer.MAX_VALUE, false));
        assertEquals(0.5, SurveyKind.normalize(0, Integer.MIN_VALUE, Integer.MAX_VALUE, false));
        assertEquals(1.0, SurveyKind.normalize(-900, -1000, -900, false));
        assertEquals(0.0, SurveyKind.normalize(-900, -1000, -900, true));
    }
}
