package io.waymark.simulator.world;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.waymark.simulator.world.DefaultRules.Stage;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DefaultRulesTest {

    private static final Instant T0 = Instant.parse("2026-06-01T00:00:00Z");

    private static Instant day(int n) {
        return T0.plusSeconds(86_400L * n);
    }

    @Test
    void theFiveRulesMoveAsDocumented() {
        DefaultRules r = new DefaultRules(T0, day(100));
        r.interaction("page_view", day(1));
        r.interaction("onboarding_started", day(2));
        assertEquals(Stage.AWARENESS, r.stage(), "onboarding starts only after a purchase");
        r.interaction("trial_started", day(3));
        r.interaction("purchase", day(4));
        r.interaction("purchase", day(5));
        r.interaction("onboarding_started", day(6));
        r.answer("NPS", 10, day(7));
        assertEquals(Stage.ONBOARDING, r.stage(), "a promoter moves only customers in RETENTION");
        r.interaction("onboarding_completed", day(8));
        r.answer("CSAT", 5, day(9));
        r.answer("NPS", 9, day(10));
        assertEquals(Stage.ADVOCACY, r.stage());
        assertEquals(day(3), r.firstReached().get(Stage.CONSIDERATION));
        assertEquals(day(4), r.firstReached().get(Stage.PURCHASE), "the first purchase");
        assertEquals(day(10), r.firstReached().get(Stage.ADVOCACY));
    }

    @Test
    void aMoveIsNeverBeforeTheStageBeganNorAfterNow() {
        DefaultRules r = new DefaultRules(day(10), day(20));
        r.interaction("purchase", day(5));
        assertEquals(day(10), r.firstReached().get(Stage.PURCHASE));
        r.interaction("onboarding_completed", day(30));
        assertEquals(day(20), r.firstReached().get(Stage.RETENTION));
        assertNull(r.firstReached().get(Stage.ONBOARDING), "skipped");
    }
}
