package io.waymark.feedback.domain.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.waymark.feedback.domain.survey.SurveyKind;
import io.waymark.platform.domain.Conflict;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** When an answer opens a case and how urgent it is; which moves a case may make. */
class CaseRulesTest {

    private static final Thresholds UNHAPPY = new Thresholds(6, 2, 5, -0.5);
    private static final Thresholds VERY = new Thresholds(3, 1, 6, -0.75);

    @ParameterizedTest(name = "{0} {1}: case {2}, severe {3}")
    @CsvSource({
            "NPS, 7, false, false", "NPS, 6, true, false", "NPS, 4, true, false", "NPS, 3, true, true", "NPS, 0, true, true",
            "CSAT, 3, false, false", "CSAT, 2, true, false", "CSAT, 1, true, true",
            "CES, 4, false, false", "CES, 5, true, false", "CES, 6, true, true", "CES, 7, true, true",
            "CUSTOM, 1, false, false"})
    void scoresAtTheThresholds(SurveyKind kind, int score, boolean opens, boolean severe) {
        Unhappiness u = Unhappiness.of(kind, score, null, UNHAPPY, VERY);
        assertEquals(opens, u.opensCase());
        assertEquals(severe, u.severe());
    }

    @Test
    void aNegativeCommentOpensACaseWhateverTheScore() {
        Unhappiness u = Unhappiness.of(SurveyKind.NPS, 9, -0.6, UNHAPPY, VERY);
        assertEquals(List.of(Unhappiness.NEGATIVE_COMMENT), u.reasons());
        assertFalse(u.severe());
        assertTrue(Unhappiness.of(SurveyKind.CUSTOM, null, -0.8, UNHAPPY, VERY).severe());
        assertFalse(Unhappiness.of(SurveyKind.CSAT, 5, -0.49, UNHAPPY, VERY).opensCase());
    }

    @Test
    void everyReasonIsNamed() {
        assertEquals(List.of(Unhappiness.DETRACTOR, Unhappiness.NEGATIVE_COMMENT),
                Unhappiness.of(SurveyKind.NPS, 2, -0.9, UNHAPPY, VERY).reasons());
        assertEquals(List.of(Unhappiness.LOW_CSAT), Unhappiness.of(SurveyKind.CSAT, 2, 0.3, UNHAPPY, VERY).reasons());
        assertEquals(List.of(Unhappiness.HIGH_EFFORT), Unhappiness.of(SurveyKind.CES, 5, null, UNHAPPY, VERY).reasons());
    }

    @Test
    void theLifeOfACase() {
        assertTrue(CaseStatus.mayMove(CaseStatus.OPEN, CaseStatus.IN_PROGRESS));
        assertTrue(CaseStatus.mayMove(CaseStatus.IN_PROGRESS, CaseStatus.RESOLVED));
        assertTrue(CaseStatus.mayMove(CaseStatus.RESOLVED, CaseStatus.CLOSED));
        assertTrue(CaseStatus.mayMove(CaseStatus.CLOSED, CaseStatus.REOPENED));
        assertTrue(CaseStatus.mayMove(CaseStatus.RESOLVED, CaseStatus.REOPENED));
        assertTrue(CaseStatus.mayMove(CaseStatus.REOPENED, CaseStatus.IN_PROGRESS));
        assertTrue(CaseStatus.mayMove(CaseStatus.OPEN, CaseStatus.CLOSED), "nothing to fix");
        assertTrue(CaseStatus.mayMove(CaseStatus.REOPENED, CaseStatus.CLOSED), "nothing more to fix");
    }

    @ParameterizedTest(name = "{0} -> {1} is 409")
    @CsvSource({"open, reopened", "open, open", "open, resolved", "in_progress, open", "resolved, in_progress",
            "closed, resolved", "closed, in_progress", "closed, closed", "reopened, open", "reopened, resolved"})
    void otherMovesAreConflicts(String from, String to) {
        assertFalse(CaseStatus.mayMove(from, to));
        Conflict refused = assertThrows(Conflict.class, () -> CaseStatus.checkMove(from, to));
        assertTrue(refused.getMessage().contains(from) && refused.getMessage().contains(to), refused.getMessage());
    }
}
