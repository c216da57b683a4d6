package io.waymark.journey.domain.map;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** The customer a journey map is drawn for. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Persona(String name, String description, List<String> goals, List<String> frustrations,
                      String quote) {

    public Persona {
        goals = NullableLists.copyOf(goals);
        frustrations = NullableLists.copyOf(frustrations);
    }
}
