package io.waymark.analytics.messaging;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.waymark.analytics.domain.model.LifecycleModel;
import io.waymark.analytics.domain.model.SubjectFolds;
import io.waymark.analytics.domain.model.Subjects;
import io.waymark.contracts.EventType;
import io.waymark.contracts.customer.CustomerErased;
import io.waymark.contracts.customer.CustomerMerged;
import io.waymark.platform.messaging.BatchEventHandler;
import io.waymark.platform.messaging.InvalidEvent;
import io.waymark.platform.messaging.ReceivedEvent;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** customer.merged folds a visitor's or another customer's history in; customer.erased removes the customer's rows. */
final class IdentityHandlers {

    private IdentityHandlers() {
    }

    @ApplicationScoped
    static class Merged implements BatchEventHandler<CustomerMerged> {

        private final LifecycleModel lifecycle;
        private final SubjectFolds folds;

        Merged(LifecycleModel lifecycle, SubjectFolds folds) {
            this.lifecycle = lifecycle;
            this.folds = folds;
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
                if (CustomerMerged.ANONYMOUS.equals(m.kind())) {
                    chain = chain.flatMap(v -> folds.fold(tx, Subjects.anonymous(m.fromId()), Subjects.customer(m.toCustomerId())));
                } else if (CustomerMerged.CUSTOMER.equals(m.kind())) {
                    UUID from;
                    try {
                        from = UUID.fromString(m.fromId());
                    } catch (IllegalArgumentException bad) {
                        throw new InvalidEvent("customer.merged " + e.id() + " of kind customer needs a customer id as fromId");
                    }
                    chain = chain.flatMap(v -> lifecycle.merged(tx, from, m.toCustomerId()));
                }
                // a kind this version does not know: tolerated, nothing guessed
            }
            return chain;
        }
    }

    @ApplicationScoped
    static class Erased implements BatchEventHandler<CustomerErased> {

        private final LifecycleModel lifecycle;

        Erased(LifecycleModel lifecycle) {
            this.lifecycle = lifecycle;
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
                java.time.OffsetDateTime at = e.data().erasedAt() != null ? e.data().erasedAt() : e.time();
                chain = chain.flatMap(v -> lifecycle.erased(tx, e.data().customerId(),
                        at != null ? at : io.waymark.platform.domain.Timestamps.now()));
            }
            return chain;
        }
    }
}
