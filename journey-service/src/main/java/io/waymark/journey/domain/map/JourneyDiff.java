package io.waymark.journey.domain.map;

import java.util.List;

/**
 * What changed from one version of a journey map to another, in a deterministic order: the map's fields,
 * the persona's, then stage by stage in the new version's order (each stage followed by its touchpoints in
 * the new order, then the touchpoints it lost), then the stages that were removed.
 * <p>
 * Stages and touchpoints are followed by key, so a renamed key is a removal and an addition. Moves are
 * computed on the relative order of the keys both versions share: inserting or removing something does not
 * make what follows it "move".
 */
public record JourneyDiff(List<Change> changes) {

    public JourneyDiff {
        changes = List.copyOf(changes);
    }

    /**
     * One difference. {@code path} addresses stages and touchpoints by key
     * ({@code stages[checkout].touchpoints[pay].emotion}); {@code before}/{@code after} depend on the kind:
     * the field's values for {@code changed}, the whole stage or touchpoint (or null) for added/removed,
     * 0-based positions among the stages for {@code stage-moved}, and {@code stageKey#position} strings for
     * {@code touchpoint-moved}.
     */
    public record Change(String kind, String path, Object before, Object after) {

        public static final String CHANGED = "changed";
        public static final String STAGE_ADDED = "stage-added";
        public static final String STAGE_REMOVED = "stage-removed";
        public static final String STAGE_MOVED = "stage-moved";
        public static final String TOUCHPOINT_ADDED = "touchpoint-added";
        public static final String TOUCHPOINT_REMOVED = "touchpoint-removed";
        public static final String TOUCHPOINT_MOVED = "touchpoint-moved";
    }

    /**
     * The changes that turn {@code from} into {@code to}; empty when they are equal. Both documents must have
     * unique, non-null stage and touchpoint keys (any document that passed {@link JourneyValidation#check}),
     * otherwise this throws {@link IllegalArgumentException}.
     */
    public static JourneyDiff between(JourneyDocument from, JourneyDocument to) {
        if (from == null || to == null) {
            throw new IllegalArgumentException("a diff needs two journey maps");
        }
        return new JourneyDiff(new JourneyDiffer(from, to).changes());
    }
}
