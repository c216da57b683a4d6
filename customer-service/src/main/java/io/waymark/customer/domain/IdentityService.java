package io.waymark.customer.domain;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.waymark.customer.persistence.CustomerRepository;
import io.waymark.customer.persistence.IdentityRepository;
import io.waymark.platform.domain.Conflict;
import io.waymark.platform.domain.FactTimes;
import io.waymark.platform.domain.Invalid;
import io.waymark.platform.domain.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Identity resolution: which customer a set of ids names. An identify finds that customer or creates it;
 * ids and traits it brings are added to the customer; an anonymous id seen for the first time is linked and
 * announced with {@code customer.merged}, so every service re-keys what it recorded under it.
 */
@ApplicationScoped
public class IdentityService {

    /** The customer an identify found or created. */
    public record Identified(Customer customer, boolean created) {
    }

    private final CustomerRepository customers;
    private final IdentityRepository identities;
    private final CustomerChanges changes;
    private final CustomerMerger merger;

    IdentityService(CustomerRepository customers, IdentityRepository identities, CustomerChanges changes,
                    CustomerMerger merger) {
        this.customers = customers;
        this.identities = identities;
        this.changes = changes;
        this.merger = merger;
    }

    @WithTransaction
    public Uni<Identified> identify(Identify command) {
        if (command.email() == null && command.externalIds().isEmpty() && command.anonymousId() == null) {
            return Uni.createFrom().failure(Invalid.field("email", "give at least one of email, externalIds, anonymousId"));
        }
        IdentityLimits.checkExternalIds(command.externalIds(), false);
        IdentityLimits.checkAnonymousId(command.anonymousId());
        TraitLimits.check(command.traits());
        FactTimes.past("firstSeenAt", command.firstSeenAt(), Timestamps.now());
        return identities.lockKeys(command.lockKeys())
                .flatMap(locked -> owners(command))
                .flatMap(ids -> ids.isEmpty() ? Uni.createFrom().item(List.<Customer>of())
                        : customers.list("id in ?1 and status = ?2", List.copyOf(ids), Customer.ACTIVE))
                .flatMap(found -> found.isEmpty()
                        ? changes.create(command.toCreate()).map(c -> new Identified(c, true))
                        : resolve(found).flatMap(c -> changes.attach(c, command)).map(c -> new Identified(c, false)));
    }

    /** An admin's merge: {@code otherId} is folded into {@code survivorId} (see {@link CustomerMerger}). */
    @WithTransaction
    public Uni<Customer> merge(UUID survivorId, UUID otherId) {
        if (survivorId.equals(otherId)) {
            return Uni.createFrom().failure(Invalid.field("customerId", "a customer cannot be merged into itself"));
        }
        return customers.findById(survivorId).map(found -> LiveCustomers.require(found, survivorId))
                .flatMap(survivor -> customers.findById(otherId)
                        .map(found -> {
                            if (found == null) {
                                throw Invalid.field("customerId", "customer " + otherId + " does not exist");
                            }
                            if (!found.isActive()) {
                                throw new Conflict("customer " + otherId + " was already " + found.status);
                            }
                            return found;
                        })
                        .flatMap(other -> merger.merge(survivor, other)));
    }

    /** Everyone the ids name, in the order email, external ids, anonymous id. */
    private Uni<Set<UUID>> owners(Identify command) {
        Set<UUID> owners = new LinkedHashSet<>();
        Uni<Void> chain = Uni.createFrom().voidItem();
        if (command.email() != null) {
            chain = chain.flatMap(v -> customers.findActiveByEmail(command.email().trim())
                    .invoke(c -> {
                        if (c != null) {
                            owners.add(c.id);
                        }
                    }).replaceWithVoid());
        }
        for (var external : command.externalIds().entrySet()) {
            chain = chain.flatMap(v -> identities.ownerOfExternalId(external.getKey(), external.getValue())
                    .invoke(owner -> owner.ifPresent(owners::add)).replaceWithVoid());
        }
        if (command.anonymousId() != null) {
            chain = chain.flatMap(v -> identities.ownerOfAnonymousId(command.anonymousId())
                    .invoke(owner -> owner.ifPresent(owners::add)).replaceWithVoid());
        }
        return chain.replaceWith(owners);
    }

    /**
     * One customer named: that one. Several: a profile known only by an anonymous id is folded into the one
     * known customer; two known customers are for an admin to merge, never guessed.
     */
    private Uni<Customer> resolve(List<Customer> found) {
        if (found.size() == 1) {
            return Uni.createFrom().item(found.get(0));
        }
        List<Customer> known = found.stream().filter(c -> c.email != null || !c.externalIds.isEmpty()).toList();
        if (known.size() > 1) {
            return Uni.createFrom().failure(new Conflict("these ids name different customers ("
                    + String.join(", ", known.stream().map(c -> c.id.toString()).toList())
                    + "); an admin can merge them with POST /customers/{id}/merge"));
        }
        Customer survivor = known.isEmpty() ? found.get(0) : known.get(0);
        List<Customer> anonymous = new ArrayList<>(found.stream().filter(c -> !Objects.equals(c.id, survivor.id)).toList());
        Uni<Customer> chain = Uni.createFrom().item(survivor);
        for (Customer other : anonymous) {
            chain = chain.flatMap(s -> merger.merge(s, other));
        }
        return chain;
    }
}
