package io.waymark.customer.domain;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.waymark.contracts.LifecycleStage;
import io.waymark.contracts.Topics;
import io.waymark.contracts.customer.CustomerCreated;
import io.waymark.contracts.customer.CustomerUpdated;
import io.waymark.customer.persistence.CustomerRepository;
import io.waymark.customer.persistence.IdentityRepository;
import io.waymark.platform.domain.Conflict;
import io.waymark.platform.domain.Ids;
import io.waymark.platform.domain.NotFound;
import io.waymark.platform.domain.PreconditionFailed;
import io.waymark.platform.domain.FactTimes;
import io.waymark.platform.domain.Timestamps;
import io.waymark.platform.outbox.Outbox;
import io.waymark.platform.paging.Page;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** Customers: creating and changing them (each with its event, in one transaction), finding them. */
@ApplicationScoped
public class CustomerService {

    private final CustomerRepository customers;
    private final IdentityRepository identities;
    private final CustomerChanges changes;

    CustomerService(CustomerRepository customers, IdentityRepository identities, CustomerChanges changes) {
        this.customers = customers;
        this.identities = identities;
        this.changes = changes;
    }

    /** Creates the customer and records {@code customer.created} in the same transaction. */
    @WithTransaction
    public Uni<Customer> create(CreateCustomer command) {
        TraitLimits.check(command.traits());
        IdentityLimits.checkExternalIds(command.externalIds(), false);
        FactTimes.past("firstSeenAt", command.firstSeenAt(), Timestamps.now());
        String email = command.email().trim();
        Identify ids = new Identify(email, command.externalIds(), null, null, null, null, null);
        return identities.lockKeys(ids.lockKeys()).flatMap(locked -> customers.emailTaken(email)).flatMap(taken -> {
            if (taken) {
                return Uni.createFrom().failure(new Conflict("a customer with email " + email + " already exists"));
            }
            return changes.create(command);
        });
    }

    /**
     * Applies a merge patch and records {@code customer.updated} naming what changed; a patch that changes
     * nothing is answered with the customer as it is, and publishes nothing.
     */
    @WithTransaction
    public Uni<Customer> update(UUID id, PatchCustomer patch) {
        return customers.findById(id).map(found -> LiveCustomers.require(found, id)).flatMap(c -> {
            if (patch.expectedVersion().isPresent() && patch.expectedVersion().get() != c.aggregateVersion()) {
                return Uni.createFrom().failure(new PreconditionFailed("customer " + id + " is at version "
                        + c.aggregateVersion() + ", not " + patch.expectedVersion().get() + "; read it again"));
            }
            List<String> changed = new ArrayList<>();
            Uni<Boolean> emailFree = Uni.createFrom().item(true);
            if (patch.email().isPresent() && !patch.email().get().trim().equalsIgnoreCase(c.email)) {
                String email = patch.email().get().trim();
                emailFree = customers.emailTaken(email).invoke(taken -> {
                    if (!taken) {
                        c.email = email;
                        changed.add("email");
                    }
                }).map(taken -> !taken);
            }
            return emailFree.flatMap(free -> {
                if (!free) {
                    return Uni.createFrom().failure(new Conflict("a customer with email " + patch.email().get().trim()
                            + " already exists"));
                }
                patch.firstName().map(v -> CustomerChanges.blankToNull(v.orElse(null))).filter(v -> !Objects.equals(v, c.firstName))
                        .ifPresent(v -> {
                            c.firstName = v;
                            changed.add("firstName");
                        });
                patch.lastName().map(v -> CustomerChanges.blankToNull(v.orElse(null))).filter(v -> !Objects.equals(v, c.lastName))
                        .ifPresent(v -> {
                            c.lastName = v;
                            changed.add("lastName");
                        });
                patch.traits().ifPresent(traits -> changed.addAll(CustomerChanges.mergeTraits(c, traits)));
                ExternalIdChange ids = patch.externalIds().map(p -> ExternalIdChange.of(c, p)).orElse(ExternalIdChange.NONE);
                changed.addAll(ids.changed());
                if (changed.isEmpty()) {
                    return Uni.createFrom().item(c);
                }
                TraitLimits.check(c.traits);
                long nextVersion = c.aggregateVersion() + 1;
                c.updatedAt = Timestamps.now();
                return identities.removeExternalIds(c.id, ids.removedOrReplaced())
                        .flatMap(v -> identities.addExternalIds(c.id, ids.added()))
                        .flatMap(v -> changes.publishUpdated(c, changed, nextVersion))
                        .flatMap(ignored -> customers.flush()).replaceWith(c);
            });
        });
    }

    @WithSession
    public Uni<Customer> get(UUID id) {
        return customers.findById(id).map(found -> LiveCustomers.require(found, id));
    }

    /** Oldest first (ids are time-ordered). */
    @WithSession
    public Uni<Page<Customer>> search(CustomerSearch search) {
        return customers.search(search).map(found -> Page.of(found, search.page(), c -> c.id));
    }
}
