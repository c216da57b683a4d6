package io.waymark.feedback.domain.customers;

import io.smallrye.mutiny.Uni;
import io.waymark.contracts.LifecycleStage;
import io.waymark.feedback.persistence.CustomerFactsRepository;
import io.waymark.platform.domain.Gone;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.UUID;

/**
 * What feedback-service knows about customers, all of it from customer.events (never asked over REST): the
 * current answer for the {@code surveys} consent purpose, the lifecycle stage, and who was merged or erased.
 * A customer with no known {@code surveys} answer has not consented. Runs inside the caller's session.
 */
@ApplicationScoped
public class CustomerFacts {

    public static final String SURVEYS_PURPOSE = "surveys";

    private final CustomerFactsRepository facts;

    CustomerFacts(CustomerFactsRepository facts) {
        this.facts = facts;
    }

    /** The id answers are recorded under: the survivor of a merge; an erased customer is 410. */
    public Uni<UUID> current(UUID customerId) {
        return facts.retired(customerId).map(retired -> {
            if (retired.isEmpty()) {
                return customerId;
            }
            if (retired.get().erased()) {
                throw new Gone("customer " + customerId + " was erased; nothing is recorded about them any more");
            }
            return retired.get().mergedInto();
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

    /** A consent answer (only the {@code surveys} purpose is kept). */
    public Uni<Void> consentChanged(UUID customerId, String purpose, boolean granted, OffsetDateTime at, long version) {
        if (!SURVEYS_PURPOSE.equals(purpose)) {
            return Uni.createFrom().voidItem();
        }
        return facts.consent(customerId, granted, at, version);
    }

    /** The customer is in {@code stage} as of their version {@code version} (creation or a move). */
    public Uni<Void> stageKnown(UUID customerId, String stage, long version) {
        return facts.stage(customerId, stage, version);
    }
}
