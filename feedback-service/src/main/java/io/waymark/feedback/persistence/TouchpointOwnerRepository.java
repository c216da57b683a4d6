package io.waymark.feedback.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Who owns each touchpoint of the latest published version of each journey map (from journey.published). */
@ApplicationScoped
public class TouchpointOwnerRepository {

    /**
     * Replaces the journey's touchpoint owners with those of {@code version}, unless a version at least as new
     * is there already (a redelivered or late event). True when applied.
     */
    public Uni<Boolean> replace(UUID journeyId, int version, Map<String, String> ownerByTouchpoint) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery("insert into journey_published (journey_id, version) "
                        + "values (:id, :version) on conflict (journey_id) do update set version = excluded.version "
                        + "where journey_published.version < excluded.version")
                .setParameter("id", journeyId).setParameter("version", version).executeUpdate()
                .flatMap(changed -> changed == 0 ? Uni.createFrom().item(false)
                        : NativeSql.execute("delete from touchpoint_owner where journey_id = :id", "id", journeyId)
                        .flatMap(v -> insert(journeyId, ownerByTouchpoint)).replaceWith(true)));
    }

    private static Uni<Void> insert(UUID journeyId, Map<String, String> ownerByTouchpoint) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Map.Entry<String, String> touchpoint : ownerByTouchpoint.entrySet()) {
            chain = chain.flatMap(v -> NativeSql.execute("insert into touchpoint_owner "
                    + "(journey_id, touchpoint_key, owner_team) values (:id, :key, :owner) on conflict do nothing",
                    "id", journeyId, "key", touchpoint.getKey(), "owner", touchpoint.getValue()));
        }
        return chain;
    }

    public Uni<Optional<String>> ownerOf(UUID journeyId, String touchpointKey) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery("select owner_team from touchpoint_owner "
                        + "where journey_id = :id and touchpoint_key = :key", String.class)
                .setParameter("id", journeyId).setParameter("key", touchpointKey).getResultList())
                .map(rows -> rows.stream().findFirst());
    }
}
