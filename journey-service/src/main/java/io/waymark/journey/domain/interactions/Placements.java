package io.waymark.journey.domain.interactions;

import io.waymark.contracts.journey.InteractionRecorded.Placement;
import io.waymark.journey.domain.map.JourneyDocument;
import io.waymark.journey.domain.map.Stage;
import io.waymark.journey.domain.map.Touchpoint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Where interactions land on the published journey maps (the latest version of each map not archived): by
 * the touchpoint a client names, or else by the touchpoints whose {@code interactionTypes} contain the
 * interaction's type; several maps may match and every match is a placement. Immutable: the index swaps in a
 * new one when maps are published.
 */
public final class Placements {

    /** A published version of a map, as the index reads it. */
    public record PublishedMap(UUID journeyId, int version, JourneyDocument document) {
    }

    private record TouchpointKey(UUID journeyId, String key) {
    }

    private final Map<String, List<Placement>> byType = new HashMap<>();
    private final Map<TouchpointKey, Placement> byTouchpoint = new HashMap<>();
    private final Map<String, List<Placement>> byKey = new HashMap<>();

    public static final Placements NONE = new Placements(List.of());

    public Placements(List<PublishedMap> maps) {
        for (PublishedMap map : maps) {
            for (Stage stage : map.document().stages()) {
                for (Touchpoint t : stage.touchpoints()) {
                    Placement p = new Placement(map.journeyId(), map.version(), stage.key(), t.key(), stage.lifecycleStage());
                    byTouchpoint.put(new TouchpointKey(map.journeyId(), t.key()), p);
                    byKey.computeIfAbsent(t.key(), k -> new ArrayList<>()).add(p);
                    for (String type : t.interactionTypes()) {
                        byType.computeIfAbsent(type, k -> new ArrayList<>()).add(p);
                    }
                }
            }
        }
    }

    /** Every placement of the interaction; empty when it lands on no published map (it is kept all the same). */
    public List<Placement> of(InteractionInput interaction) {
        String key = interaction.touchpointKey();
        UUID journey = interaction.journeyId();
        if (key != null && journey != null) {
            Placement p = byTouchpoint.get(new TouchpointKey(journey, key));
            return p == null ? List.of() : List.of(p);
        }
        if (key != null) {
            return byKey.getOrDefault(key, List.of());
        }
        List<Placement> byItsType = byType.getOrDefault(interaction.type(), List.of());
        if (journey == null) {
            return byItsType;
        }
        return byItsType.stream().filter(p -> p.journeyId().equals(journey)).toList();
    }
}
