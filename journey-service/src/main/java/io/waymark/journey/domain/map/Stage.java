package io.waymark.journey.domain.map;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.waymark.contracts.LifecycleStage;
import java.util.List;

/** One stage of a journey; its key is its identity within the map (a diff follows stages by key). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Stage(String key, String name, LifecycleStage lifecycleStage, String description,
                    List<Touchpoint> touchpoints) {

    public Stage {
        touchpoints = NullableLists.copyOf(touchpoints);
    }
}
