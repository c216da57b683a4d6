package io.waymark.customer.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** A merge patch of a customer's external ids, applied to the customer: what to delete and insert in the index. */
record ExternalIdChange(List<String> changed, List<String> removedOrReplaced, Map<String, String> added) {

    static final ExternalIdChange NONE = new ExternalIdChange(List.of(), List.of(), Map.of());

    static ExternalIdChange of(Customer c, Map<String, String> patch) {
        Map<String, String> ids = new LinkedHashMap<>(c.externalIds);
        List<String> changed = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        Map<String, String> added = new LinkedHashMap<>();
        patch.forEach((system, id) -> {
            String before = ids.get(system);
            if (Objects.equals(before, id)) {
                return;
            }
            changed.add("externalIds." + system);
            if (before != null) {
                removed.add(system);
            }
            if (id == null) {
                ids.remove(system);
            } else {
                ids.put(system, id);
                added.put(system, id);
            }
        });
        c.externalIds = ids;
        return new ExternalIdChange(changed, removed, added);
    }
}
