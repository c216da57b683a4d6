package io.waymark.customer.api;

import io.quarkus.security.identity.SecurityIdentity;
import io.waymark.contracts.LifecycleStage;
import io.waymark.customer.domain.CreateCustomer;
import io.waymark.customer.domain.Customer;
import io.waymark.platform.domain.NotAllowed;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/** What the customer API takes and returns. */
public final class CustomerDtos {

    private CustomerDtos() {
    }

    /**
     * A new customer. {@code stage} is optional (customers normally start at AWARENESS; importing from
     * another system may place them further along); so is {@code firstSeenAt}, when a system importing or
     * replaying history knows the customer from before (roles ingest and admin only).
     */
    public record CreateCustomerRequest(
            @NotBlank @Email @Size(max = 254) String email,
            @Size(max = 100) String firstName,
            @Size(max = 100) String lastName,
            // the rules for traits (count, keys, depth, size) live in one place: domain.TraitLimits
            Map<String, Object> traits,
            LifecycleStage stage,
            Map<String, String> externalIds,
            OffsetDateTime firstSeenAt) {

        CreateCustomer toCommand() {
            return new CreateCustomer(email, firstName, lastName, traits, stage, externalIds, null, firstSeenAt);
        }
    }

    /** Who may say when a customer was first seen: systems that import or replay history, and admins. */
    static void requireSystemForFirstSeenAt(OffsetDateTime firstSeenAt, SecurityIdentity caller) {
        if (firstSeenAt != null && !caller.hasRole("ingest") && !caller.hasRole("admin")) {
            throw new NotAllowed("firstSeenAt is for systems that import or replay "
                    + "history (roles ingest, admin); a customer created by a person is first seen now");
        }
    }

    public record CustomerView(UUID id, String email, String firstName, String lastName, Map<String, Object> traits,
                               Map<String, String> externalIds, Map<String, Customer.Consent> consents,
                               LifecycleStage stage, OffsetDateTime stageSince, OffsetDateTime lastSeenAt,
                               OffsetDateTime createdAt, OffsetDateTime updatedAt) {

        static CustomerView of(Customer c) {
            return new CustomerView(c.id, c.email, c.firstName, c.lastName, c.traits, c.externalIds, c.consents,
                    c.stage, c.stageSince, c.lastSeenAt, c.createdAt, c.updatedAt);
        }
    }
}
