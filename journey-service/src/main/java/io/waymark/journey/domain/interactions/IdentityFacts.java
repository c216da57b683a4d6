package io.waymark.journey.domain.interactions;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What this service knows about the ids of one ingest request, read in one round trip: which interaction ids
 * are stored already, which customer or anonymous ids now mean another customer, which customers are erased,
 * and which external ids are resolved.
 */
public record IdentityFacts(Set<UUID> storedIds, Map<String, UUID> aliases, Set<UUID> erased,
                            Map<String, UUID> externalIds) {
}
