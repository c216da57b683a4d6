package io.waymark.feedback.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import io.waymark.feedback.domain.invitation.Invitation;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class InvitationRepository implements PanacheRepositoryBase<Invitation, UUID> {

    public Uni<Invitation> findByTokenHash(byte[] tokenHash) {
        return find("tokenHash", tokenHash).firstResult();
    }

    /**
     * Uses the invitation in one statement: only an unused, unexpired one is marked used, so two requests with
     * the same token cannot both get through. The id of the invitation used, or null when none was.
     */
    public Uni<UUID> use(byte[] tokenHash) {
        return getSession().flatMap(s -> s.createNativeQuery("update invitation set used_at = now() "
                        + "where token_hash = :hash and used_at is null and expires_at > now() returning id", UUID.class)
                .setParameter("hash", tokenHash).getResultList())
                .map(ids -> ids.isEmpty() ? null : ids.get(0));
    }

    public Uni<List<Invitation>> ofCustomer(UUID customerId) {
        return list("customerId = :customer order by id", Parameters.with("customer", customerId));
    }

    public Uni<Long> deleteOfCustomer(UUID customerId) {
        return delete("customerId", customerId);
    }
}
