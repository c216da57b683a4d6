package io.waymark.journey.domain.interactions;

import io.smallrye.mutiny.Uni;
import io.waymark.journey.persistence.InteractionRepository;
import io.waymark.platform.paging.TimeKey;
import io.waymark.platform.privacy.PersonalData;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * The customer's interactions, newest first, for the GDPR export. Bounded, so one export cannot exhaust the
 * service; a customer with more is told so ({@code truncated}), and the rest stays reachable in the timeline.
 */
@ApplicationScoped
public class InteractionPersonalData implements PersonalData {

    static final int MAX = 50_000;

    /** The export part: the interactions and whether there were more than {@link #MAX}. */
    public record Interactions(java.util.List<TimelineEntry> items, boolean truncated) {
    }

    private final InteractionRepository interactions;

    InteractionPersonalData(InteractionRepository interactions) {
        this.interactions = interactions;
    }

    @Override
    public String part() {
        return "interactions";
    }

    @Override
    public Uni<Object> export(UUID customerId) {
        return interactions.timeline(customerId, TimeKey.NEWEST, MAX + 1).map(found -> found.isEmpty() ? null
                : new Interactions(found.subList(0, Math.min(MAX, found.size())), found.size() > MAX));
    }
}
