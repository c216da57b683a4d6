package io.waymark.journey.messaging;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.waymark.contracts.EventType;
import io.waymark.contracts.customer.CustomerMerged;
import io.waymark.journey.domain.interactions.IdentityChanges;
import io.waymark.platform.messaging.BatchEventHandler;
import io.waymark.platform.messaging.InvalidEvent;
import io.waymark.platform.messaging.ReceivedEvent;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.jboss.logging.Logger;

/** An anonymous id (or a customer) became part of another customer: its interactions follow. */
@ApplicationScoped
public class CustomerMergedHandler implements BatchEventHandler<CustomerMerged> {

    private static final Logger LOG = Logger.getLogger(CustomerMergedHandler.class);

    private final IdentityChanges identities;

    CustomerMergedHandler(IdentityChanges identities) {
        this.identities = identities;
    }

    @Override
    public EventType type() {
        return CustomerMerged.TYPE;
    }

    @Override
    public Class<CustomerMerged> dataType() {
        return CustomerMerged.class;
    }

    @Override
    public Uni<Void> handleAll(List<ReceivedEvent<CustomerMerged>> events, SqlConnection tx) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (ReceivedEvent<CustomerMerged> e : events) {
            CustomerMerged m = e.data();
            if (m.fromId() == null || m.toCustomerId() == null) {
                throw new InvalidEvent("customer.merged " + e.id() + " needs fromId and toCustomerId");
            }
            if (!CustomerMerged.ANONYMOUS.equals(m.kind()) && !CustomerMerged.CUSTOMER.equals(m.kind())) {
                // a kind of merge this version does not know: tolerated, not guessed at
                LOG.warnf("customer.merged %s of kind %s ignored", e.id(), m.kind());
                continue;
            }
            boolean anonymous = CustomerMerged.ANONYMOUS.equals(m.kind());
            chain = chain.flatMap(v -> identities.merged(tx, m.fromId(), m.toCustomerId(), anonymous, m.at()));
        }
        return chain;
    }
}
