package io.waymark.feedback.domain.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** NPS and its 95% interval against numbers computed by hand. */
class NpsScoreTest {

    @Test
    void tenAnswersFivePromotersTwoPassivesThreeDetractors() {
        // pP = 0.5, pD = 0.3: NPS = 20; Var(X) = 0.5 + 0.3 - 0.2² = 0.76; SE = sqrt(0.76 / 10) = 0.275681;
        // margin = 1.959964 * 100 * 0.275681 = 54.0325 -> [-34.03, 74.03]
        NpsScore nps = NpsScore.of(5, 2, 3);
        assertEquals(10, nps.responses());
        assertEquals(20.0, nps.score(), 1e-9);
        assertEquals(-34.03, nps.low(), 0.005);
        assertEquals(74.03, nps.high(), 0.005);
        assertTrue(nps.smallSample(), "10 answers are a small sample");
    }

    @Test
    void aLargeEvenSample() {
        // 100 promoters, 100 passives, 100 detractors: NPS 0; Var = 2/3; SE = sqrt(2/3 / 300) = 0.0471405;
        // margin = 1.959964 * 4.71405 = 9.2394
        NpsScore nps = NpsScore.of(100, 100, 100);
        assertEquals(0.0, nps.score(), 1e-9);
        assertEquals(-9.24, nps.low(), 0.005);
        assertEquals(9.24, nps.high(), 0.005);
        assertFalse(nps.smallSample());
    }

    @Test
    void theIntervalStaysWithinTheScale() {
        // 29 promoters and one detractor: NPS 93.33; Var = 1 - 0.9333² = 0.12889; SE = 0.065546; margin 12.8468
        NpsScore nps = NpsScore.of(29, 0, 1);
        assertEquals(93.33, nps.score(), 0.005);
        assertEquals(80.49, nps.low(), 0.005);
        assertEquals(100.0, nps.high(), 1e-9, "clamped to 100");
    }

    @Test
    void allPromotersHaveNoSpread() {
        NpsScore nps = NpsScore.of(4, 0, 0);
        assertEquals(100.0, nps.score(), 1e-9);
        assertEquals(100.0, nps.low(), 1e-9);
        assertEquals(100.0, nps.high(), 1e-9);
    }

    @Test
    void noAnswersNoScore() {
        assertNull(NpsScore.of(0, 0, 0));
    }
}
