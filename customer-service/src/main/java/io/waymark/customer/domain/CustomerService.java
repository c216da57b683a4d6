package io.waymark.customer.domain;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.waymark.contracts.LifecycleStage;
import io.waymark.contracts.Topics;
import io.waymark.contracts.customer.CustomerCreated;
import io.waymark.contracts.customer.CustomerUpdated;
import io.waymark.customer.persistence.CustomerRepository;
import io.waymark.platform.domain.Conflict;
import io.waymark.platform.domain.Ids;
import io.waymark.platform.domain.NotFound;
import io.waymark.platform.domain.PreconditionFailed;
import io.waymark.platform.outbox.Outbox;
import io.waymark.platform.paging.Page;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
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
    private final Outbox outbox;

    CustomerService(CustomerRepository customers, Outbox outbox) {
        this.customers = customers;
        this.outbox = outbox;
    }

    /** Creates the customer and records {@code customer.created} in the same transaction. */
    @WithTransaction
    public Uni<Customer> create(CreateCustomer command) {
        TraitLimits.check(command.traits());
        String email = command.email().trim();
        return customers.emailTaken(email).flatMap(taken -> {
            if (taken) {
                return Uni.createFrom().failure(new Conflict("a customer with email " + email + " already exists"));
            }
            // microseconds: what PostgreSQL keeps, so the answer equals what a later read returns
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
            Customer c = new Customer();
            c.id = Ids.newId();
            c.email = email;
            c.firstName = blankToNull(command.firstName());
            c.lastName = blankToNull(command.lastName());
            c.traits = command.traits() == null ? new LinkedHashMap<>() : new LinkedHashMap<>(command.traits());
            c.stage = command.stage() == null ? LifecycleStage.AWARENESS : command.stage();
            c.stageSince = now;
            c.createdAt = now;
            c.updatedAt = now;
            return customers.persist(c)
                    .call(saved -> outbox.record(Topics.CUSTOMER_EVENTS, CustomerCreated.TYPE, saved.id,
                            saved.aggregateVersion(), new CustomerCreated(saved.id, saved.stage, saved.createdAt)));
        });
    }

    /**
     * Applies a merge patch and records {@code customer.updated} naming what changed; a patch that changes
     * nothing is answered with the customer as it is, and publishes nothing.
     */
    @WithTransaction
    public Uni<Customer> update(UUID id, PatchCustomer patch) {
        return customers.findById(id).onItem().ifNull().failWith(() -> new NotFound("customer", id)).flatMap(c -> {
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
                patch.firstName().map(v -> blankToNull(v.orElse(null))).filter(v -> !Objects.equals(v, c.firstName))
                        .ifPresent(v -> {
                            c.firstName = v;
                            changed.add("firstName");
                        });
                patch.lastName().map(v -> blankToNull(v.orElse(null))).filter(v -> !Objects.equals(v, c.lastName))
                        .ifPresent(v -> {
                            c.lastName = v;
                            changed.add("lastName");
                        });
                patch.traits().ifPresent(traits -> changed.addAll(mergeTraits(c, traits)));
                if (changed.isEmpty()) {
                    return Uni.createFrom().item(c);
                }
                TraitLimits.check(c.traits);
                long nextVersion = c.aggregateVersion() + 1;
                OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
                c.updatedAt = now;
                return outbox.record(Topics.CUSTOMER_EVENTS, CustomerUpdated.TYPE, c.id, nextVersion,
                                new CustomerUpdated(c.id, List.copyOf(changed), now))
                        .flatMap(ignored -> customers.flush()).replaceWith(c);
            });
        });
    }

    /** RFC 7396 on the traits object: null removes a trait, anything else replaces it. Returns what changed. */
    private static List<String> mergeTraits(Customer c, Map<String, Object> patch) {
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

    @WithSession
    public Uni<Customer> get(UUID id) {
        return customers.findById(id).onItem().ifNull().failWith(() -> new NotFound("customer", id));
    }

    /** Oldest first (ids are time-ordered). */
    @WithSession
    public Uni<Page<Customer>> search(CustomerSearch search) {
        return customers.search(search).map(found -> Page.of(found, search.page(), c -> c.id));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
