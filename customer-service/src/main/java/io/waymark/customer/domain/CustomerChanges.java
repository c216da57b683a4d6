package io.waymark.customer.domain;

import io.smallrye.mutiny.Uni;
import io.waymark.contracts.LifecycleStage;
import io.waymark.contracts.Topics;
import io.waymark.contracts.customer.CustomerCreated;
import io.waymark.contracts.customer.CustomerMerged;
import io.waymark.contracts.customer.CustomerUpdated;
import io.waymark.customer.persistence.CustomerRepository;
import io.waymark.customer.persistence.IdentityRepository;
import io.waymark.platform.domain.Conflict;
import io.waymark.platform.domain.FactTimes;
import io.waymark.platform.domain.Ids;
import io.waymark.platform.domain.Timestamps;
import io.waymark.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The writes every way of creating or changing a customer shares, each with its event in the same
 * transaction (the caller's). A transaction that publishes several events gives them all the customer's
 * version after it.
 */
@ApplicationScoped
class CustomerChanges {

    private final CustomerRepository customers;
    private final IdentityRepository identities;
    private final Outbox outbox;

    CustomerChanges(CustomerRepository customers, IdentityRepository identities, Outbox outbox) {
        this.customers = customers;
        this.identities = identities;
        this.outbox = outbox;
    }

    /**
     * A new customer with its ids; publishes customer.created (and customer.merged for an anonymous id). Created
     * and in their first stage since they were first seen, when a system said so, else now.
     */
    Uni<Customer> create(CreateCustomer command) {
        OffsetDateTime now = Timestamps.now();
        OffsetDateTime firstSeen = command.firstSeenAt() == null ? now
                : FactTimes.past("firstSeenAt", command.firstSeenAt(), now);
        Customer c = new Customer();
        c.id = Ids.newId();
        c.email = blankToNull(command.email());
        c.firstName = blankToNull(command.firstName());
        c.lastName = blankToNull(command.lastName());
        c.traits = command.traits() == null ? new LinkedHashMap<>() : new LinkedHashMap<>(command.traits());
        c.externalIds = new LinkedHashMap<>(command.externalIds());
        c.stage = command.stage() == null ? LifecycleStage.AWARENESS : command.stage();
        c.stageSince = firstSeen;
        c.createdAt = firstSeen;
        c.updatedAt = now;
        // flushed first: the id rows written next (by SQL, not Hibernate) refer to the customer row
        return customers.persistAndFlush(c)
                .call(saved -> identities.addExternalIds(saved.id, saved.externalIds))
                .call(saved -> outbox.record(Topics.CUSTOMER_EVENTS, CustomerCreated.TYPE, saved.id,
                        saved.aggregateVersion(), new CustomerCreated(saved.id, saved.stage, saved.createdAt)))
                .call(saved -> command.anonymousId() == null ? Uni.createFrom().voidItem()
                        : linkAnonymousId(saved, command.anonymousId(), saved.aggregateVersion()));
    }

    /**
     * Adds what an identify brings to the customer it named: a missing email, new external ids, names, traits
     * (given values win) and the anonymous id. An id that contradicts one the customer has is a conflict.
     */
    Uni<Customer> attach(Customer c, Identify command) {
        List<String> changed = new ArrayList<>();
        String email = blankToNull(command.email());
        if (email != null && c.email == null) {
            c.email = email;
            changed.add("email");
        } else if (email != null && !email.equalsIgnoreCase(c.email)) {
            return Uni.createFrom().failure(new Conflict("customer " + c.id + " has another email; change it with PATCH"));
        }
        Map<String, String> newIds = new LinkedHashMap<>();
        for (var external : command.externalIds().entrySet()) {
            String existing = c.externalIds.get(external.getKey());
            if (existing == null) {
                newIds.put(external.getKey(), external.getValue());
            } else if (!existing.equals(external.getValue())) {
                return Uni.createFrom().failure(new Conflict("customer " + c.id + " has another id in "
                        + external.getKey() + "; change it with PATCH"));
            }
        }
        if (!newIds.isEmpty()) {
            Map<String, String> all = new LinkedHashMap<>(c.externalIds);
            all.putAll(newIds);
            c.externalIds = all;
            newIds.keySet().forEach(system -> changed.add("externalIds." + system));
        }
        setName(command.firstName(), c.firstName, v -> c.firstName = v, "firstName", changed);
        setName(command.lastName(), c.lastName, v -> c.lastName = v, "lastName", changed);
        changed.addAll(mergeTraits(c, command.traits()));
        TraitLimits.check(c.traits);
        long nextVersion = c.aggregateVersion() + 1;
        Uni<Boolean> linked = command.anonymousId() == null ? Uni.createFrom().item(false)
                : identities.linkAnonymousId(c.id, command.anonymousId(), Timestamps.now());
        return identities.addExternalIds(c.id, newIds).flatMap(v -> linked).flatMap(newlyLinked -> {
            if (changed.isEmpty() && !newlyLinked) {
                return Uni.createFrom().item(c);
            }
            c.updatedAt = Timestamps.now();
            Uni<Void> events = changed.isEmpty() ? Uni.createFrom().voidItem() : publishUpdated(c, changed, nextVersion);
            if (newlyLinked) {
                events = events.flatMap(v -> publishMerged(c, command.anonymousId(), nextVersion));
            }
            return events.flatMap(v -> customers.flush()).replaceWith(c);
        });
    }

    Uni<Void> publishUpdated(Customer c, List<String> changed, long version) {
        return outbox.record(Topics.CUSTOMER_EVENTS, CustomerUpdated.TYPE, c.id, version,
                new CustomerUpdated(c.id, List.copyOf(changed), c.updatedAt)).replaceWithVoid();
    }

    private Uni<Void> linkAnonymousId(Customer c, String anonymousId, long version) {
        return identities.linkAnonymousId(c.id, anonymousId, c.createdAt)
                .flatMap(linked -> linked ? publishMerged(c, anonymousId, version) : Uni.createFrom().voidItem());
    }

    private Uni<Void> publishMerged(Customer c, String anonymousId, long version) {
        return outbox.record(Topics.CUSTOMER_EVENTS, CustomerMerged.TYPE, c.id, version,
                new CustomerMerged(anonymousId, c.id, CustomerMerged.ANONYMOUS, Timestamps.now())).replaceWithVoid();
    }

    /** RFC 7396 on the traits object: null removes a trait, anything else replaces it. Returns what changed. */
    static List<String> mergeTraits(Customer c, Map<String, Object> patch) {
        List<String> changed = new ArrayList<>();
        Map<String, Object> traits = new LinkedHashMap<>(c.traits);
        for (Map.Entry<String, Object> e : patch.entrySet()) {
            Object before = e.getValue() == null ? traits.remove(e.getKey()) : traits.put(e.getKey(), e.getValue());
            if (!Objects.equals(before, e.getValue())) {
                changed.add("traits." + e.getKey());
            }
        }
        c.traits = traits;
        return changed;
    }

    private static void setName(String given, String current, java.util.function.Consumer<String> set, String field,
                                List<String> changed) {
        String value = blankToNull(given);
        if (value != null && !value.equals(current)) {
            set.accept(value);
            changed.add(field);
        }
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
