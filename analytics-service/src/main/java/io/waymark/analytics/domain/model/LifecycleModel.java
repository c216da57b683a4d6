package io.waymark.analytics.domain.model;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.waymark.analytics.domain.rollup.Days;
import io.waymark.analytics.domain.rollup.Delta;
import io.waymark.analytics.domain.rollup.Funnel;
import io.waymark.analytics.domain.rollup.Stays;
import io.waymark.analytics.persistence.ErasedSubjects;
import io.waymark.analytics.persistence.LifecycleStates;
import io.waymark.analytics.persistence.Rollups;
import io.waymark.analytics.persistence.SubjectAliases;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * customer.events into the lifecycle read models, a run of events at a time: each customer's current stage
 * (stage counts, stays still going) and first reach of each stage (the funnel); stays that ended are counted as
 * they end. Applied with the inbox (a stay that ended must be counted once), customers' rows locked in id order.
 */
@ApplicationScoped
public class LifecycleModel {

    /** One event's effect on one customer: how its facts change, and a stay it ended (or null). */
    public record Change(UUID customerId, UnaryOperator<CustomerLifecycle> facts, EndedStay ended) {
    }

    public record EndedStay(String stage, OffsetDateTime endedAt, long seconds) {
    }

    private final LifecycleStates states;
    private final ErasedSubjects erased;
    private final SubjectFolds folds;
    private final Rollups rollups;
    private final SubjectAliases aliases;

    LifecycleModel(LifecycleStates states, ErasedSubjects erased, SubjectFolds folds, Rollups rollups,
                   SubjectAliases aliases) {
        this.states = states;
        this.erased = erased;
        this.folds = folds;
        this.rollups = rollups;
        this.aliases = aliases;
    }

    public Uni<Void> apply(SqlConnection tx, List<Change> changes) {
        Set<UUID> ids = new LinkedHashSet<>();
        changes.forEach(c -> ids.add(c.customerId()));
        return erased.among(tx, ids.stream().map(Subjects::customer).toList()).flatMap(gone -> states.load(tx, ids)
                .flatMap(stored -> {
                    Totals totals = new Totals();
                    Map<UUID, CustomerLifecycle> now = new HashMap<>();
                    for (UUID id : ids) {
                        if (gone.contains(Subjects.customer(id))) {
                            continue; // erased: its late events change nothing and leave no row
                        }
                        CustomerLifecycle before = stored.getOrDefault(id, CustomerLifecycle.empty(id));
                        totals.count(before, -1);
                        now.put(id, before);
                    }
                    for (Change c : changes) {
                        if (gone.contains(Subjects.customer(c.customerId()))) {
                            continue;
                        }
                        now.put(c.customerId(), c.facts().apply(now.get(c.customerId())));
                        if (c.ended() != null) {
                            Stays.completed(c.ended().stage(), Days.of(c.ended().endedAt()), c.ended().seconds(),
                                    totals.ended);
                        }
                    }
                    now.values().forEach(c -> totals.count(c, 1));
                    return states.save(tx, now.values()).flatMap(v -> totals.write(tx));
                }));
    }

    /** {@code from} folds into {@code into}, or into its survivor when the merge of {@code into} came first. */
    public Uni<Void> merged(SqlConnection tx, UUID from, UUID mergedInto) {
        return aliases.survivorOf(tx, Subjects.customer(mergedInto)).flatMap(survivor -> {
            UUID into = Subjects.customerOr(survivor, mergedInto);
            return from.equals(into) ? Uni.createFrom().voidItem() : fold(tx, from, into);
        });
    }

    /** {@code from} was merged into {@code into}: one customer from now on, reaching each stage when either first did. */
    private Uni<Void> fold(SqlConnection tx, UUID from, UUID into) {
        return states.load(tx, List.of(from, into)).flatMap(stored -> {
            CustomerLifecycle gone = stored.get(from);
            Uni<Void> lifecycle = Uni.createFrom().voidItem();
            if (gone != null) {
                CustomerLifecycle kept = stored.getOrDefault(into, CustomerLifecycle.empty(into));
                CustomerLifecycle both = kept.foldIn(gone);
                Totals totals = new Totals();
                totals.count(gone, -1);
                totals.count(kept, -1);
                totals.count(both, 1);
                lifecycle = states.save(tx, List.of(both)).flatMap(v -> states.delete(tx, List.of(from)))
                        .flatMap(v -> totals.write(tx));
            }
            return lifecycle.flatMap(v -> folds.fold(tx, Subjects.customer(from), Subjects.customer(into)));
        });
    }

    /**
     * An erased customer leaves the read models: its rows go, it is no longer in a stage, and its late events
     * change nothing; what its history added to the funnel, stays and retention stays (aggregates).
     */
    public Uni<Void> erased(SqlConnection tx, UUID customer, OffsetDateTime at) {
        return states.load(tx, List.of(customer)).flatMap(stored -> {
            Totals totals = new Totals();
            CustomerLifecycle gone = stored.get(customer);
            if (gone != null && gone.stage() != null && gone.since() != null) {
                Stays.current(gone.stage(), Days.of(gone.since()), totals.going, -1);
            }
            return states.delete(tx, List.of(customer))
                    .flatMap(v -> erased.add(tx, Subjects.customer(customer), at))
                    .flatMap(v -> folds.forget(tx, Subjects.customer(customer), at))
                    .flatMap(v -> totals.write(tx));
        });
    }

    /** The rollup changes of one transaction. */
    private final class Totals {
        final Delta<Funnel.StageDay> funnelDays = new Delta<>(2);
        final Delta<Funnel.StageDayBucket> funnelTimes = new Delta<>(1);
        final Delta<Stays.Completed> ended = new Delta<>(2);
        final Delta<Stays.Current> going = new Delta<>(1);

        void count(CustomerLifecycle c, int sign) {
            Funnel.contribute(c.reachedStages(), funnelDays, funnelTimes, sign);
            if (c.stage() != null && c.since() != null) {
                Stays.current(c.stage(), Days.of(c.since()), going, sign);
            }
        }

        Uni<Void> write(SqlConnection tx) {
            return rollups.funnel(tx, funnelDays, funnelTimes).flatMap(v -> rollups.stays(tx, ended, going));
        }
    }
}
