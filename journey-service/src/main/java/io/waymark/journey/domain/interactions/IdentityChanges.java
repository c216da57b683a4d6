package io.waymark.journey.domain.interactions;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.waymark.journey.persistence.CustomerIdentityRepository;
import io.waymark.platform.domain.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Identity as customer-service tells it: after {@code customer.merged}, what was recorded under the anonymous
 * (or merged-away) id belongs to the survivor, in the timeline and in what ingest publishes from then on; after
 * {@code customer.erased}, the customer's interactions are deleted and new ones refused.
 */
@ApplicationScoped
public class IdentityChanges {

    private static final Logger LOG = Logger.getLogger(IdentityChanges.class);

    private final CustomerIdentityRepository identities;

    IdentityChanges(CustomerIdentityRepository identities) {
        this.identities = identities;
    }

    public Uni<Void> merged(SqlConnection tx, String fromId, UUID toCustomer, boolean anonymous, OffsetDateTime at) {
        return identities.merge(tx, fromId, toCustomer, anonymous, at == null ? Timestamps.now() : at);
    }

    public Uni<Void> erased(SqlConnection tx, UUID customer, OffsetDateTime at) {
        return identities.erase(tx, customer, at == null ? Timestamps.now() : at);
    }

    /**
     * An interaction stored while its merge was being applied (each in its own transaction) missed the re-key:
     * every minute, interactions under ids merged in the last ten minutes are re-keyed again.
     */
    @Scheduled(every = "1m", delayed = "30s")
    Uni<Void> sweep() {
        return identities.sweep(Timestamps.now().minusMinutes(10))
                .invoke(moved -> {
                    if (moved > 0) {
                        LOG.infof("re-keyed %d interactions stored while their merge was applied", moved);
                    }
                })
                .onFailure().recoverWithItem(e -> {
                    LOG.warnf("merge sweep failed (next minute again): %s", e.getMessage());
                    return 0L;
                }).replaceWithVoid();
    }
}
