package io.waymark.analytics.domain.churn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.waymark.analytics.domain.insight.JourneyViews;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Which ranked touchpoints a model counts as pain points: the first few of each journey with a score high enough. */
class ChurnPainPointsTest {

    private static JourneyViews.PainPoints ranking(UUID journey, double... scores) {
        List<JourneyViews.RankedTouchpoint> ranked = new ArrayList<>();
        for (int i = 0; i < scores.length; i++) {
            ranked.add(new JourneyViews.RankedTouchpoint(i + 1, "t" + (i + 1), "T" + (i + 1), "Stage", scores[i], null,
                    null, List.of()));
        }
        return new JourneyViews.PainPoints(journey, 1, "Journey", ranked);
    }

    @Test
    void theFirstRankedOfEachJourneyWithAScoreHighEnough() {
        UUID store = UUID.fromString("00000000-0000-0000-0000-000000000001");
        UUID support = UUID.fromString("00000000-0000-0000-0000-000000000002");
        UUID quiet = UUID.fromString("00000000-0000-0000-0000-000000000003");
        Set<String> chosen = ChurnPainPoints.choose(List.of(ranking(store, 65, 46, 31, 30, 12),
                ranking(support, 59, 22.9, 10), ranking(quiet, 0, 0)), 3, 30);
        assertEquals(Set.of(store + ":t1", store + ":t2", store + ":t3", support + ":t1"), chosen,
                "at most three per journey (store's fourth scores 30 too), none below 30, none of a journey without pain");
    }
}
