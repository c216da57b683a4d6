package io.waymark.journey.domain.interactions;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Ids this instance accepted a moment ago, so a quick retry is answered "duplicate" even before the first
 * copy is stored (the store is the real guard: nothing is stored twice either way). Bounded in size and age.
 */
final class RecentIds {

    private final long windowNanos;
    private final int capacity;
    private final LinkedHashMap<UUID, Long> seen = new LinkedHashMap<>();

    RecentIds(long windowNanos, int capacity) {
        this.windowNanos = windowNanos;
        this.capacity = capacity;
    }

    synchronized boolean contains(UUID id, long nowNanos) {
        Long at = seen.get(id);
        return at != null && nowNanos - at < windowNanos;
    }

    synchronized void addAll(Collection<UUID> ids, long nowNanos) {
        for (UUID id : ids) {
            seen.put(id, nowNanos);
        }
        var it = seen.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<UUID, Long> oldest = it.next();
            if (seen.size() <= capacity && nowNanos - oldest.getValue() < windowNanos) {
                break;
            }
            it.remove();
        }
    }
}
