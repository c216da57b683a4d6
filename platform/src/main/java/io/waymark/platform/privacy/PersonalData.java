package io.waymark.platform.privacy;

import io.smallrye.mutiny.Uni;
import java.util.UUID;

/**
 * One kind of data a service holds about a customer, for the GDPR export: each service declares a bean per
 * kind, and {@link PrivacyResource} answers with all of them. What a bean returns must be JSON-serialisable.
 */
public interface PersonalData {

    /** The name of this part in the export document, e.g. {@code stageHistory}. */
    String part();

    /** Everything of this kind held about the customer; an empty list or null when nothing. */
    Uni<Object> export(UUID customerId);
}
