package io.waymark.journey.messaging;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.waymark.contracts.EventType;
import io.waymark.contracts.customer.CustomerErased;
import io.waymark.journey.domain.interactions.IdentityChanges;
import io.waymark.platform.messaging.BatchEventHandler;
import io.waymark.platform.messaging.InvalidEvent;
import io.waymark.platform.messaging.ReceivedEvent;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** A customer was erased (GDPR): their interactions go, and new ones are refused. */
@ApplicationScoped
public class CustomerErasedHandler implements BatchEventHandler<CustomerErased> {

    private final IdentityChanges identities;

    CustomerErasedHandler(IdentityChanges identities) {
        this.identities = identities;
    }

    @Override
    public EventType type() {
        return CustomerErased.TYPE;
    }

    @Override
    public Class<CustomerErased> dataType() {
        return CustomerErased.class;
    }

    @Override
    public Uni<Void> handleAll(List<ReceivedEvent<CustomerErased>> events, SqlConnection tx) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (ReceivedEvent<CustomerErased> e : events) {
            if (e.data().customerId() == null) {
                throw new InvalidEvent("customer.erased " + e.id() + " needs a customerId");
            }
            chain = chain.flatMap(v -> identities.erased(tx, e.data().customerId(), e.data().erasedAt()));
        }
        return chain;
    }
}
