package io.waymark.customer.domain.rules;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.waymark.contracts.journey.InteractionRecorded;
import io.waymark.customer.domain.Customer;
import io.waymark.customer.domain.LifecycleService;
import io.waymark.customer.domain.MoveStage;
import io.waymark.customer.domain.filter.FilterSubject;
import io.waymark.customer.persistence.CustomerRepository;
import io.waymark.customer.persistence.IdentityRepository;
import io.waymark.customer.persistence.LifecycleRuleRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Applies the rules to a live event, inside the consumer's transaction (which also records the event in the
 * inbox, so a redelivered event moves nobody twice). Events of customers this service does not know, or no
 * longer holds (merged, erased), change nothing.
 */
@ApplicationScoped
public class RuleApplier {

    private static final Logger LOG = Logger.getLogger(RuleApplier.class);

    private final CustomerRepository customers;
    private final IdentityRepository identities;
    private final LifecycleRuleRepository rules;
    private final LifecycleService lifecycle;

    RuleApplier(CustomerRepository customers, IdentityRepository identities, LifecycleRuleRepository rules,
                LifecycleService lifecycle) {
        this.customers = customers;
        this.identities = identities;
        this.rules = rules;
        this.lifecycle = lifecycle;
    }

    /** The customer an interaction names: by id, else by the anonymous id it was recorded under. */
    public Uni<Optional<UUID>> customerOf(UUID customerId, String anonymousId) {
        if (customerId != null) {
            return Uni.createFrom().item(Optional.of(customerId));
        }
        return anonymousId == null ? Uni.createFrom().item(Optional.empty()) : identities.ownerOfAnonymousId(anonymousId);
    }

    /**
     * Keeps each customer's latest interaction time, for a batch of interactions on its transaction; not a
     * profile change, so neither the version nor an event.
     */
    public Uni<Void> seenAll(SqlConnection tx, List<InteractionRecorded> interactions) {
        return customers.markSeenAll(tx, interactions.stream().map(InteractionRecorded::customerId).toArray(UUID[]::new),
                interactions.stream().map(InteractionRecorded::anonymousId).toArray(String[]::new),
                interactions.stream().map(InteractionRecorded::occurredAt).toArray(OffsetDateTime[]::new));
    }

    /** The interactions an enabled rule could concern (by type): only those need the customer read and locked. */
    public <E> Uni<List<E>> concerningRules(SqlConnection tx, List<E> events, Function<E, String> type) {
        return rules.interactionTypesWithRules(tx).map(types -> types.contains(null) ? events
                : events.stream().filter(e -> types.contains(type.apply(e))).toList());
    }

    /**
     * Most events (page views) concern no rule: those are done without reading the customer. Otherwise the
     * customer's row is locked for the rest of the transaction, so a profile write cannot slip in between
     * reading the stage and moving it (such a race would otherwise cost a retry of the whole event).
     */
    public Uni<Void> apply(UUID customerId, RuleEvent event) {
        return rules.enabledFor(event.trigger()).flatMap(enabled -> {
            List<LifecycleRule> candidates = enabled.stream()
                    .filter(r -> r.interactionType == null || r.interactionType.equals(event.interactionType())).toList();
            if (candidates.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            return customers.findById(customerId, LockModeType.PESSIMISTIC_WRITE).flatMap(c -> {
                if (c == null || !c.isActive()) {
                    return Uni.createFrom().voidItem();
                }
                Optional<LifecycleRule> firing = RuleEngine.firstFiring(candidates, subject(c, event.data()), event, Instant.now());
                if (firing.isEmpty()) {
                    return Uni.createFrom().voidItem();
                }
                LifecycleRule rule = firing.get();
                LOG.debugf("rule %s moves customer %s to %s on event %s", rule.id, c.id, rule.toStage, event.eventId());
                return lifecycle.move(c.id, MoveStage.byRule(rule.toStage, rule.name, rule.id, event.eventId(),
                                event.occurredAt()))
                        .replaceWithVoid();
            });
        });
    }

    /** The customer as filters see it, with the event's data under {@code event.}. */
    public static FilterSubject subject(Customer c, Map<String, Object> event) {
        Map<String, Boolean> consents = new HashMap<>();
        c.consents.forEach((purpose, answer) -> consents.put(purpose, answer.granted()));
        return new FilterSubject(c.stage.name(), c.stageSince.toInstant(), c.createdAt.toInstant(),
                c.lastSeenAt == null ? null : c.lastSeenAt.toInstant(), c.email, c.traits, consents, c.externalIds, event);
    }
}
