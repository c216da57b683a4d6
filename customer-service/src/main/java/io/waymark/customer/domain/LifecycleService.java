package io.waymark.customer.domain;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.waymark.contracts.Topics;
import io.waymark.contracts.customer.CustomerStageChanged;
import io.waymark.customer.persistence.CustomerRepository;
import io.waymark.customer.persistence.StageTransitionRepository;
import io.waymark.platform.domain.Conflict;
import io.waymark.platform.domain.FactTimes;
import io.waymark.platform.domain.Ids;
import io.waymark.platform.domain.Invalid;
import io.waymark.platform.domain.NotFound;
import io.waymark.platform.domain.Timestamps;
import io.waymark.platform.outbox.Outbox;
import io.waymark.platform.paging.Page;
import io.waymark.platform.paging.PageQuery;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Where customers are in their lifecycle and how they got there: every move kept, and published. */
@ApplicationScoped
public class LifecycleService {

    static final int MAX_REASON = 500;

    private final CustomerRepository customers;
    private final StageTransitionRepository transitions;
    private final Outbox outbox;

    LifecycleService(CustomerRepository customers, StageTransitionRepository transitions, Outbox outbox) {
        this.customers = customers;
        this.transitions = transitions;
        this.outbox = outbox;
    }

    /**
     * Moves the customer, keeps the move in the history and records {@code customer.stage-changed}, in one
     * transaction. Moving to the current stage is a conflict; moving back needs a reason. The move happens now,
     * or at the command's time (a rule's triggering event), kept within [the current stage's start, now].
     */
    @WithTransaction
    public Uni<StageTransition> move(UUID customerId, MoveStage command) {
        String reason = command.reason() == null || command.reason().isBlank() ? null : command.reason().trim();
        if (reason != null && reason.length() > MAX_REASON) {
            return Uni.createFrom().failure(Invalid.field("reason", "at most " + MAX_REASON + " characters"));
        }
        return customers.findById(customerId).map(found -> LiveCustomers.require(found, customerId))
                .flatMap(c -> {
                    if (c.stage == command.to()) {
                        return Uni.createFrom().failure(new Conflict("customer " + customerId + " is already in " + c.stage));
                    }
                    if (command.to().ordinal() < c.stage.ordinal() && reason == null) {
                        return Uni.createFrom().failure(Invalid.field("reason",
                                "moving back from " + c.stage + " to " + command.to() + " needs a reason"));
                    }
                    OffsetDateTime now = Timestamps.now();
                    OffsetDateTime at = FactTimes.within(command.at(), c.stageSince, now);
                    StageTransition t = new StageTransition();
                    t.id = Ids.newId();
                    t.customerId = c.id;
                    t.from = c.stage;
                    t.to = command.to();
                    t.at = at;
                    t.cause = command.cause();
                    t.actor = command.actor();
                    t.ruleId = command.ruleId();
                    t.triggeringEventId = command.triggeringEventId();
                    t.reason = reason;
                    t.secondsInPrevious = Math.max(0, Duration.between(c.stageSince, at).toSeconds());
                    long nextVersion = c.aggregateVersion() + 1;
                    c.stage = command.to();
                    c.stageSince = at;
                    c.updatedAt = now;
                    return transitions.persist(t)
                            .call(saved -> outbox.record(Topics.CUSTOMER_EVENTS, CustomerStageChanged.TYPE, c.id,
                                    nextVersion, new CustomerStageChanged(c.id, t.from, t.to, t.at, t.cause, t.ruleId,
                                            t.triggeringEventId, t.secondsInPrevious)));
                });
    }

    @WithSession
    public Uni<Page<StageTransition>> history(UUID customerId, PageQuery page) {
        return customers.findById(customerId).map(found -> LiveCustomers.require(found, customerId))
                .flatMap(c -> transitions.ofCustomer(customerId, page))
                .map(found -> Page.of(found, page, t -> t.id));
    }
}
