package io.waymark.analytics.domain.churn;

import io.waymark.contracts.journey.JourneyPublished;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** How a retention team reads a touchpoint ({@code journeyId:key}): its name and its journey's, from the latest maps. */
public record TouchpointNames(Map<String, String> byKey) {

    public static TouchpointNames of(List<JourneyPublished> latest) {
        Map<String, String> names = new HashMap<>();
        for (JourneyPublished j : latest) {
            for (JourneyPublished.PublishedStage stage : j.stages() == null
                    ? List.<JourneyPublished.PublishedStage>of() : j.stages()) {
                for (JourneyPublished.PublishedTouchpoint t : stage.touchpoints() == null
                        ? List.<JourneyPublished.PublishedTouchpoint>of() : stage.touchpoints()) {
                    names.put(j.journeyId() + ":" + t.key(), t.name() + " (" + j.name() + ")");
                }
            }
        }
        return new TouchpointNames(Map.copyOf(names));
    }

    /** "Data import (SaaS onboarding)"; a touchpoint no map names any more as "key (journey id)". */
    public String of(String journeyAndKey) {
        String name = byKey.get(journeyAndKey);
        if (name != null) {
            return name;
        }
        int colon = journeyAndKey.indexOf(':');
        return colon < 0 ? journeyAndKey
                : journeyAndKey.substring(colon + 1) + " (journey " + journeyAndKey.substring(0, colon) + ")";
    }
}
