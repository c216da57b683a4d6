package io.waymark.feedback.domain.customers;

import io.smallrye.mutiny.Uni;
import io.waymark.contracts.LifecycleStage;
import io.waymark.feedback.persistence.CustomerFactsRepository;
import io.waymark.platform.domain.Gone;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * What feedback-service knows about customers, all of it from customer.events (never asked over REST): the
 * current answer for the {@code surveys} consent purpose, the lifecycle stage, and who was merged or erased.
 * A customer with no known {@code surveys} answer has not consented. Runs inside the caller's session.
 */
@ApplicationScoped
public class CustomerFacts {

    public static final String SURVEYS_PURPOSE = "surveys";
    static final int MAX_MERGE_HOPS = 16;

    private final CustomerFactsRepository facts;

    CustomerFacts(CustomerFactsRepository facts) {
        this.facts = facts;
    }

    /** Where a customer's data lives: the last survivor of the merges from them, and whether it was erased. */
    public record Survivor(UUID id, boolean erased) {
    }

    /**
     * The id answers are recorded under: the last survivor of a chain of merges; an erased customer is 410.
     * Locks the customer (see {@link #survivor}).
     */
    public Uni<UUID> current(UUID customerId) {
        return survivor(customerId).map(survivor -> {
            if (survivor.erased()) {
                throw new Gone("customer " + customerId + " was erased; nothing is recorded about them any more");
            }
            return survivor.id();
        });
    }

    /**
     * Follows merges from {@code customerId} to the customer that is not merged away (a merge applied before an
     * earlier one leaves a chain: A into B, B into C), at most {@value #MAX_MERGE_HOPS} steps. Locks every id on
     * the way until the transaction ends, each before reading where it went, so an answer, an invitation, a merge
     * and an erasure of the same customer happen one after another, never interleaved: an erasure cannot miss
     * an answer committed while it runs, and a merge cannot move rows while an answer is added under the old id.
     */
    public Uni<Survivor> survivor(UUID customerId) {
        return follow(customerId, 0);
    }

    private Uni<Survivor> follow(UUID id, int hops) {
        if (hops > MAX_MERGE_HOPS) {
            return Uni.createFrom().failure(new IllegalStateException("customer " + id + " is at the end of a chain "
                    + "of more than " + MAX_MERGE_HOPS + " merges (a cycle?)"));
        }
        return facts.lock(id).flatMap(v -> facts.retired(id)).flatMap(retired -> {
            if (retired.isEmpty()) {
                return Uni.createFrom().item(new Survivor(id, false));
            }
            if (retired.get().erased()) {
                return Uni.createFrom().item(new Survivor(id, true));
            }
            return follow(retired.get().mergedInto(), hops + 1);
        });
    }

    public Uni<Boolean> consentsToSurveys(UUID customerId) {
        return facts.consentsToSurveys(customerId);
    }

    /** The stage last published for the customer; null when unknown (or a stage this version does not know). */
    public Uni<LifecycleStage> stageOf(UUID customerId) {
        return facts.stageOf(customerId).map(stage -> stage.flatMap(name -> Arrays.stream(LifecycleStage.values())
                .filter(s -> s.name().equals(name)).findFirst()).orElse(null));
    }

    /**
     * A consent answer (only the {@code surveys} purpose is kept; nothing of a customer merged away or erased: a
     * late event must not bring back what an erasure removed, and a survivor has its own).
     */
    public Uni<Void> consentChanged(UUID customerId, String purpose, boolean granted, OffsetDateTime at, long version) {
        if (!SURVEYS_PURPOSE.equals(purpose)) {
            return Uni.createFrom().voidItem();
        }
        return unlessRetired(customerId, () -> facts.consent(customerId, granted, at, version));
    }

    /** The customer is in {@code stage} as of their version {@code version} (creation or a move); not kept once retired. */
    public Uni<Void> stageKnown(UUID customerId, String stage, long version) {
        return unlessRetired(customerId, () -> facts.stage(customerId, stage, version));
    }

    private Uni<Void> unlessRetired(UUID customerId, Supplier<Uni<Void>> keep) {
        return facts.retired(customerId).flatMap(retired -> retired.isPresent() ? Uni.createFrom().voidItem() : keep.get());
    }
}
