package io.waymark.journey.domain.map;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A journey map: what a team draws of what its customers go through, stage by stage. This is also the
 * exchange format: a published version exported as JSON and posted back recreates the map.
 * Nothing is checked on construction; {@link JourneyValidation#check} names every problem.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JourneyDocument(String name, String description, String ownerTeam, Persona persona,
                              List<Stage> stages) {

    public JourneyDocument {
        stages = NullableLists.copyOf(stages);
    }
}
