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
import io.waymark.platform.messaging.InvalidEvent;
import io.waymark.platform.messaging.MixedBatchHandler;
import io.waymark.platform.messaging.ReceivedEvent;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * customer.created and customer.stage-changed (they alternate in the stream, so they are applied together): where
 * customers are and when they first reached each stage; a move ends the stay in the stage left. Every move is also
 * kept in the churn history (stage moves with their times, for point-in-time features).
 */
@ApplicationScoped
class LifecycleHandlers implements MixedBatchHandler {

    private final LifecycleModel lifecycle;
    private final ChurnHistoryModel churn;

    LifecycleHandlers(LifecycleModel lifecycle, ChurnHistoryModel churn) {
        this.lifecycle = lifecycle;
        this.churn = churn;
    }

    @Override
    public Map<EventType, Class<?>> types() {
        return Map.of(CustomerCreated.TYPE, CustomerCreated.class, CustomerStageChanged.TYPE, CustomerStageChanged.class);
    }

    @Override
    public Uni<Void> handleAll(List<ReceivedEvent<?>> events, SqlConnection tx) {
        List<Change> changes = new ArrayList<>(events.size());
        List<ChurnHistoryModel.Move> moves = new ArrayList<>(events.size());
        for (ReceivedEvent<?> e : events) {
            if (e.data() instanceof CustomerCreated created) {
                created(e, created, changes, moves);
            } else {
                moved(e, (CustomerStageChanged) e.data(), changes, moves);
            }
        }
        return lifecycle.apply(tx, changes).flatMap(v -> churn.moves(tx, moves));
    }

    private static void created(ReceivedEvent<?> e, CustomerCreated created, List<Change> changes,
            List<ChurnHistoryModel.Move> moves) {
        String stage = created.stage() != null ? created.stage().name() : e.rawData().path("stage").asText(null);
        OffsetDateTime at = created.createdAt() != null ? created.createdAt() : e.time();
        if (created.customerId() == null || stage == null || at == null) {
            throw new InvalidEvent("customer.created " + e.id() + " needs customerId, stage and a time");
        }
        long version = e.aggregateVersion() != null ? e.aggregateVersion() : 1;
        changes.add(new Change(created.customerId(), c -> c.reaching(stage, at).in(stage, at, version), null));
        moves.add(new ChurnHistoryModel.Move(created.customerId(), version, at, null, stage));
    }

    private static void moved(ReceivedEvent<?> e, CustomerStageChanged changed, List<Change> changes,
            List<ChurnHistoryModel.Move> moves) {
        String to = changed.to() != null ? changed.to().name() : e.rawData().path("to").asText(null);
        String from = changed.from() != null ? changed.from().name() : e.rawData().path("from").asText(null);
        if (changed.customerId() == null || to == null || changed.at() == null || e.aggregateVersion() == null) {
            throw new InvalidEvent("customer.stage-changed " + e.id() + " needs customerId, to, at and aggregateversion");
        }
        long version = e.aggregateVersion();
        EndedStay ended = from == null ? null : new EndedStay(from, changed.at(), changed.secondsInPreviousStage());
        changes.add(new Change(changed.customerId(), c -> c.reaching(to, changed.at()).in(to, changed.at(), version), ended));
        moves.add(new ChurnHistoryModel.Move(changed.customerId(), version, changed.at(), from, to));
    }
}
