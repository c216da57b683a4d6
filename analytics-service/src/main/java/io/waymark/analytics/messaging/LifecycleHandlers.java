package io.waymark.analytics.messaging;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.waymark.analytics.domain.model.ChurnHistoryModel;
import io.waymark.analytics.domain.model.LifecycleModel;
import io.waymark.analytics.domain.model.LifecycleModel.Change;
import io.waymark.analytics.domain.model.LifecycleModel.EndedStay;
import io.waymark.contracts.EventType;
import io.waymark.contracts.customer.CustomerCreated;
import io.waymark.contracts.customer.CustomerStageChanged;
import io.waymark.platform.messaging.BatchEventHandler;
import io.waymark.platform.messaging.InvalidEvent;
import io.waymark.platform.messaging.ReceivedEvent;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** customer.created and customer.stage-changed: where customers are and when they first reached each stage. */
final class LifecycleHandlers {

    private LifecycleHandlers() {
    }

    /** A customer appeared in a stage. */
    @ApplicationScoped
    static class Created implements BatchEventHandler<CustomerCreated> {

        private final LifecycleModel lifecycle;
        private final ChurnHistoryModel churn;

        Created(LifecycleModel lifecycle, ChurnHistoryModel churn) {
            this.lifecycle = lifecycle;
            this.churn = churn;
        }

        @Override
        public EventType type() {
            return CustomerCreated.TYPE;
        }

        @Override
        public Class<CustomerCreated> dataType() {
            return CustomerCreated.class;
        }

        @Override
        public Uni<Void> handleAll(List<ReceivedEvent<CustomerCreated>> events, SqlConnection tx) {
            List<Change> changes = new ArrayList<>();
            List<ChurnHistoryModel.Move> moves = new ArrayList<>();
            for (ReceivedEvent<CustomerCreated> e : events) {
                CustomerCreated created = e.data();
                String stage = created.stage() != null ? created.stage().name() : e.rawData().path("stage").asText(null);
                OffsetDateTime at = created.createdAt() != null ? created.createdAt() : e.time();
                if (created.customerId() == null || stage == null || at == null) {
                    throw new InvalidEvent("customer.created " + e.id() + " needs customerId, stage and a time");
                }
                long version = e.aggregateVersion() != null ? e.aggregateVersion() : 1;
                changes.add(new Change(created.customerId(), c -> c.reaching(stage, at).in(stage, at, version), null));
                moves.add(new ChurnHistoryModel.Move(created.customerId(), version, at, null, stage));
            }
            return lifecycle.apply(tx, changes).flatMap(v -> churn.moves(tx, moves));
        }
    }

    /** A customer moved: the stay in the stage left ended, the stage moved to may be reached for the first time. */
    @ApplicationScoped
    static class StageChanged implements BatchEventHandler<CustomerStageChanged> {

        private final LifecycleModel lifecycle;
        private final ChurnHistoryModel churn;

        StageChanged(LifecycleModel lifecycle, ChurnHistoryModel churn) {
            this.lifecycle = lifecycle;
            this.churn = churn;
        }

        @Override
        public EventType type() {
            return CustomerStageChanged.TYPE;
        }

        @Override
        public Class<CustomerStageChanged> dataType() {
            return CustomerStageChanged.class;
        }

        @Override
        public Uni<Void> handleAll(List<ReceivedEvent<CustomerStageChanged>> events, SqlConnection tx) {
            List<Change> changes = new ArrayList<>();
            List<ChurnHistoryModel.Move> moves = new ArrayList<>();
            for (ReceivedEvent<CustomerStageChanged> e : events) {
                CustomerStageChanged changed = e.data();
                String to = changed.to() != null ? changed.to().name() : e.rawData().path("to").asText(null);
                String from = changed.from() != null ? changed.from().name() : e.rawData().path("from").asText(null);
                if (changed.customerId() == null || to == null || changed.at() == null || e.aggregateVersion() == null) {
                    throw new InvalidEvent("customer.stage-changed " + e.id() + " needs customerId, to, at and aggregateversion");
                }
                long version = e.aggregateVersion();
                EndedStay ended = from == null ? null : new EndedStay(from, changed.at(), changed.secondsInPreviousStage());
                changes.add(new Change(changed.customerId(), c -> c.reaching(to, changed.at()).in(to, changed.at(), version),
                        ended));
                moves.add(new ChurnHistoryModel.Move(changed.customerId(), version, changed.at(), from, to));
            }
            return lifecycle.apply(tx, changes).flatMap(v -> churn.moves(tx, moves));
        }
    }
}
