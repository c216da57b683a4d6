package io.waymark.journey.domain.interactions;

import io.smallrye.mutiny.Uni;
import java.util.UUID;

/** Finds (or creates) the customer an external id names; customer-service owns identity. */
public interface CustomerDirectory {

    Uni<UUID> customerOf(InteractionInput.ExternalId externalId);
}
