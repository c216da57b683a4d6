package io.waymark.customer.domain;

import io.smallrye.mutiny.Uni;
import io.waymark.contracts.Topics;
import io.waymark.contracts.customer.CustomerConsentChanged;
import io.waymark.contracts.customer.CustomerMerged;
import io.waymark.customer.persistence.CustomerRepository;
import io.waymark.customer.persistence.IdentityRepository;
import io.waymark.platform.domain.Conflict;
import io.waymark.platform.domain.Timestamps;
import io.waymark.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Folds one customer into another (the survivor), inside the caller's transaction. The survivor keeps what it
 * has and gains what it lacks: traits (the survivor's value wins on a shared key), email and names when it has
 * none, external and anonymous ids, the most recent answer per consent purpose (published as a consent change),
 * the later lastSeenAt. The other's email, when the survivor has its own, is not kept as a second email. Both
 * histories (stage moves, consent changes) are kept, under the survivor. The other becomes a pointer to the
 * survivor without personal data; {@code customer.merged} tells every service to re-key what it holds.
 */
@ApplicationScoped
class CustomerMerger {

    private final CustomerRepository customers;
    private final IdentityRepository identities;
    private final CustomerChanges changes;
    private final Outbox outbox;

    CustomerMerger(CustomerRepository customers, IdentityRepository identities, CustomerChanges changes, Outbox outbox) {
        this.customers = customers;
        this.identities = identities;
        this.changes = changes;
        this.outbox = outbox;
    }

    Uni<Customer> merge(Customer survivor, Customer other) {
        for (var external : other.externalIds.entrySet()) {
            String mine = survivor.externalIds.get(external.getKey());
            if (mine != null && !mine.equals(external.getValue())) {
                return Uni.createFrom().failure(new Conflict("both customers have an id in " + external.getKey()
                        + " and they differ; remove one with PATCH first"));
            }
        }
        List<String> changed = new ArrayList<>();
        Map<String, Object> traits = new LinkedHashMap<>(other.traits);
        traits.putAll(survivor.traits);
        other.traits.keySet().stream().filter(k -> !survivor.traits.containsKey(k)).forEach(k -> changed.add("traits." + k));
        TraitLimits.check(traits);
        String otherEmail = other.email;
        String firstName = other.firstName;
        String lastName = other.lastName;
        Map<String, String> externalIds = new LinkedHashMap<>(other.externalIds);
        Map<String, Customer.Consent> consents = new LinkedHashMap<>(other.consents);
        var lastSeen = other.lastSeenAt;
        long survivorVersion = survivor.aggregateVersion() + 1;
        long otherVersion = other.aggregateVersion() + 1;

        var now = Timestamps.now();
        other.status = Customer.MERGED;
        other.mergedInto = survivor.id;
        other.forgetPersonalData();
        other.updatedAt = now;
        // the other's email is released (flushed) before the survivor takes it: the email index is unique
        return customers.flush().flatMap(v -> {
            survivor.traits = traits;
            if (survivor.email == null && otherEmail != null) {
                survivor.email = otherEmail;
                changed.add("email");
            }
            if (survivor.firstName == null && firstName != null) {
                survivor.firstName = firstName;
                changed.add("firstName");
            }
            if (survivor.lastName == null && lastName != null) {
                survivor.lastName = lastName;
                changed.add("lastName");
            }
            Map<String, String> ids = new LinkedHashMap<>(externalIds);
            ids.putAll(survivor.externalIds);
            externalIds.keySet().stream().filter(k -> !survivor.externalIds.containsKey(k))
                    .forEach(k -> changed.add("externalIds." + k));
            survivor.externalIds = ids;
            survivor.consents = latestConsents(survivor.consents, consents, changed);
            if (lastSeen != null && (survivor.lastSeenAt == null || lastSeen.isAfter(survivor.lastSeenAt))) {
                survivor.lastSeenAt = lastSeen;
            }
            survivor.updatedAt = now;
            return customers.flush();
        }).flatMap(v -> identities.moveAll(other.id, survivor.id))
                .flatMap(v -> customers.moveHistory(other.id, survivor.id))
                .flatMap(v -> outbox.record(Topics.CUSTOMER_EVENTS, CustomerMerged.TYPE, other.id, otherVersion,
                        new CustomerMerged(other.id.toString(), survivor.id, CustomerMerged.CUSTOMER, now)))
                .flatMap(v -> changed.isEmpty() ? Uni.createFrom().voidItem()
                        : changes.publishUpdated(survivor, changed, survivorVersion))
                .flatMap(v -> publishConsentsTakenOver(survivor, changed, survivorVersion))
                .replaceWith(survivor);
    }

    /**
     * An answer the survivor took over from the other customer is a consent change of the survivor: services
     * that keep the latest answer per purpose (from customer.consent-changed) must hear of it.
     */
    private Uni<Void> publishConsentsTakenOver(Customer survivor, List<String> changed, long version) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (String field : changed) {
            if (!field.startsWith("consents.")) {
                continue;
            }
            String purpose = field.substring("consents.".length());
            Customer.Consent answer = survivor.consents.get(purpose);
            chain = chain.flatMap(v -> outbox.record(Topics.CUSTOMER_EVENTS, CustomerConsentChanged.TYPE, survivor.id,
                    version, new CustomerConsentChanged(survivor.id, purpose, answer.granted(), answer.source(),
                            java.time.OffsetDateTime.parse(answer.at()))).replaceWithVoid());
        }
        return chain;
    }

    private static Map<String, Customer.Consent> latestConsents(Map<String, Customer.Consent> mine,
                                                                Map<String, Customer.Consent> theirs, List<String> changed) {
        Map<String, Customer.Consent> result = new LinkedHashMap<>(mine);
        theirs.forEach((purpose, answer) -> {
            Customer.Consent current = result.get(purpose);
            if (current == null || java.time.OffsetDateTime.parse(answer.at()).isAfter(java.time.OffsetDateTime.parse(current.at()))) {
                result.put(purpose, answer);
                changed.add("consents." + purpose);
            }
        });
        return result;
    }
}
