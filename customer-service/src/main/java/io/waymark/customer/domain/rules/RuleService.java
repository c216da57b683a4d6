package io.waymark.customer.domain.rules;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.waymark.customer.domain.CustomerService;
import io.waymark.customer.domain.filter.FilterSubject;
import io.waymark.customer.persistence.LifecycleRuleRepository;
import io.waymark.platform.domain.Invalid;
import io.waymark.platform.domain.Timestamps;
import java.time.Instant;
import io.waymark.platform.domain.Conflict;
import io.waymark.platform.domain.Ids;
import io.waymark.platform.domain.NotFound;
import io.waymark.platform.domain.PreconditionFailed;
import io.waymark.platform.paging.Page;
import io.waymark.platform.paging.PageQuery;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Optional;
import java.util.UUID;

/** Lifecycle rules as data: written by admins, read by analysts, applied by {@link RuleApplier}. */
@ApplicationScoped
public class RuleService {

    private final LifecycleRuleRepository rules;
    private final CustomerService customers;

    RuleService(LifecycleRuleRepository rules, CustomerService customers) {
        this.rules = rules;
        this.customers = customers;
    }

    /**
     * What a rule (saved, or only written) would do with a sample event and a customer (a real one by id, or a
     * sample), and why; changes nothing.
     */
    @WithSession
    public Uni<RuleEngine.Verdict> test(Optional<UUID> ruleId, Optional<RuleDefinition> definition, RuleEvent event,
                                        Optional<UUID> customerId, Optional<FilterSubject> sampleCustomer) {
        Uni<LifecycleRule> rule = ruleId.isPresent() ? get(ruleId.get())
                : Uni.createFrom().item(() -> unsaved(definition.orElseThrow(() -> Invalid.field("rule", "give a rule or a ruleId"))));
        Uni<FilterSubject> customer = customerId.isPresent()
                ? customers.get(customerId.get()).map(c -> RuleApplier.subject(c, event.data()))
                : Uni.createFrom().item(() -> withEvent(sampleCustomer.orElseThrow(
                        () -> Invalid.field("customer", "give a sample customer or a customerId")), event));
        return rule.flatMap(r -> customer.map(c -> RuleEngine.explain(r, c, event, Instant.now())));
    }

    private static FilterSubject withEvent(FilterSubject c, RuleEvent event) {
        if (c.stage() == null) {
            throw Invalid.field("customer.stage", "the sample customer needs a stage");
        }
        return new FilterSubject(c.stage(), c.stageSince(), c.createdAt(), c.lastSeenAt(), c.email(), c.traits(),
                c.consents(), c.externalIds(), event.data());
    }

    @WithTransaction
    public Uni<LifecycleRule> create(RuleDefinition definition) {
        definition.check();
        LifecycleRule rule = new LifecycleRule();
        rule.id = Ids.newId();
        rule.createdAt = Timestamps.now();
        return write(rule, definition).flatMap(rules::persist);
    }

    /** Replaces the rule; with {@code expectedVersion}, only if nobody changed it since. */
    @WithTransaction
    public Uni<LifecycleRule> replace(UUID id, RuleDefinition definition, Optional<Long> expectedVersion) {
        definition.check();
        return get(id).flatMap(rule -> {
            if (expectedVersion.isPresent() && expectedVersion.get() != rule.version + 1) {
                return Uni.createFrom().failure(new PreconditionFailed("rule " + id + " is at version "
                        + (rule.version + 1) + ", not " + expectedVersion.get() + "; read it again"));
            }
            return write(rule, definition).call(rules::flush);
        });
    }

    @WithTransaction
    public Uni<Void> delete(UUID id) {
        return get(id).flatMap(rules::delete);
    }

    @WithSession
    public Uni<LifecycleRule> get(UUID id) {
        return rules.findById(id).onItem().ifNull().failWith(() -> new NotFound("lifecycle rule", id));
    }

    @WithSession
    public Uni<Page<LifecycleRule>> list(PageQuery page) {
        return rules.page(page).map(found -> Page.of(found, page, r -> r.id));
    }

    private Uni<LifecycleRule> write(LifecycleRule rule, RuleDefinition d) {
        String name = d.name().trim();
        return rules.nameTaken(name, rule.id).map(taken -> {
            if (taken) {
                throw new Conflict("a lifecycle rule named " + name + " already exists");
            }
            copy(d, rule);
            rule.updatedAt = Timestamps.now();
            return rule;
        });
    }

    private static void copy(RuleDefinition d, LifecycleRule rule) {
        rule.name = d.name().trim();
        rule.description = d.description();
        rule.trigger = d.trigger();
        rule.interactionType = d.interactionType();
        rule.condition = d.condition() == null || d.condition().isBlank() ? null : d.condition().trim();
        rule.fromStages = new ArrayList<>(d.fromStages());
        rule.toStage = d.toStage();
        rule.priority = d.priority();
        rule.enabled = d.enabled();
    }

    /** A rule not saved anywhere, for "what would this do" ({@code POST /lifecycle-rules/test}). */
    public static LifecycleRule unsaved(RuleDefinition d) {
        d.check();
        LifecycleRule rule = new LifecycleRule();
        rule.id = new UUID(0, 0);
        copy(d, rule);
        return rule;
    }
}
