package io.waymark.journey.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import io.waymark.journey.domain.interactions.IdentityFacts;
import io.waymark.journey.domain.interactions.InteractionInput.ExternalId;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** The facts an ingest request needs about its ids, in one round trip. */
@ApplicationScoped
public class IdentityQueries {

    private static final String LOOKUP = """
            select 's', id::text, null::uuid from interaction_key where id = any($1::uuid[])
            union all
            select 'a', alias, customer_id from customer_alias where alias = any($2::text[])
            union all
            select 'e', customer_id::text, null from erased_customer where customer_id = any($3::uuid[])
            union all
            select 'x', e.system || ':' || e.external_id, e.customer_id from external_identity e
              join unnest($4::text[], $5::text[]) as q(system, external_id)
                on e.system = q.system and e.external_id = q.external_id""";
    private static final String REMEMBER = """
            insert into external_identity (system, external_id, customer_id) values ($1, $2, $3)
            on conflict (system, external_id) do update set customer_id = excluded.customer_id""";

    private final Pool pool;

    IdentityQueries(Pool pool) {
        this.pool = pool;
    }

    public Uni<IdentityFacts> lookup(Set<UUID> interactionIds, Set<String> aliases, Set<UUID> customerIds,
                                     Set<ExternalId> externalIds) {
        Tuple params = Tuple.tuple()
                .addArrayOfUUID(interactionIds.toArray(UUID[]::new))
                .addArrayOfString(aliases.toArray(String[]::new))
                .addArrayOfUUID(customerIds.toArray(UUID[]::new))
                .addArrayOfString(externalIds.stream().map(ExternalId::system).toArray(String[]::new))
                .addArrayOfString(externalIds.stream().map(ExternalId::id).toArray(String[]::new));
        return pool.preparedQuery(LOOKUP).execute(params).map(rows -> {
            Set<UUID> stored = new HashSet<>();
            Map<String, UUID> aliasMap = new HashMap<>();
            Set<UUID> erased = new HashSet<>();
            Map<String, UUID> external = new HashMap<>();
            for (Row row : rows) {
                switch (row.getString(0)) {
                    case "s" -> stored.add(UUID.fromString(row.getString(1)));
                    case "a" -> aliasMap.put(row.getString(1), row.getUUID(2));
                    case "e" -> erased.add(UUID.fromString(row.getString(1)));
                    default -> external.put(row.getString(1), row.getUUID(2));
                }
            }
            return new IdentityFacts(stored, aliasMap, erased, external);
        });
    }

    public Uni<Void> rememberExternal(ExternalId externalId, UUID customerId) {
        return pool.preparedQuery(REMEMBER).execute(Tuple.of(externalId.system(), externalId.id(), customerId))
                .replaceWithVoid();
    }
}
