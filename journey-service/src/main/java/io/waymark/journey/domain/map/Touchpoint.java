package io.waymark.journey.domain.map;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A moment where the customer meets the company. Its key is unique across the whole map.
 * {@code channel} stays a string (see {@link Channel}) so that an unknown value is a validation error, not a
 * parse failure; {@code emotion} is the designed emotion, -2 to +2; {@code expectedDuration} is an ISO-8601
 * duration such as {@code PT5M}, or null.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Touchpoint(String key, String name, String channel, String ownerTeam, String action, String goal,
                         Integer emotion, String expectedDuration, List<PainPoint> painPoints,
                         List<Opportunity> opportunities, List<String> interactionTypes) {

    public Touchpoint {
        painPoints = NullableLists.copyOf(painPoints);
        opportunities = NullableLists.copyOf(opportunities);
        interactionTypes = NullableLists.copyOf(interactionTypes);
    }
}
