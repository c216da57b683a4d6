package io.waymark.journey.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/** What customer.merged and customer.erased change in this service's data (aliases, external ids, interactions). */
@ApplicationScoped
public class CustomerIdentityRepository {

    private static final String ALIAS = """
            insert into customer_alias (alias, customer_id, kind, merged_at) values ($1, $2, $3, $4)
            on conflict (alias) do update set customer_id = excluded.customer_id, kind = excluded.kind,
                                              merged_at = excluded.merged_at""";
    /** Aliases that pointed at the merged-away customer now point at the survivor (merges chain). */
    private static final String FOLLOW_ALIASES = "update customer_alias set customer_id = $2 where customer_id = $1";
    private static final String FOLLOW_EXTERNAL_IDS = "update external_identity set customer_id = $2 where customer_id = $1";
    private static final String REKEY_CUSTOMER = "update interaction set customer_id = $2 where customer_id = $1";
    private static final String REKEY_ANONYMOUS =
            "update interaction set customer_id = $2 where anonymous_id = $1 and customer_id is null";
    /**
     * Interactions stored while a merge was being applied (the store read no alias yet): re-keyed by the sweep.
     * Driven by the recent aliases, so it never reads the many interactions of visitors never identified.
     */
    private static final String SWEEP = """
            with recent as (select alias, customer_id, kind from customer_alias where merged_at > $1),
            anonymous as (
              update interaction i set customer_id = r.customer_id from recent r
              where r.kind = 'anonymous' and i.customer_id is null and i.anonymous_id = r.alias returning 1),
            customers as (
              update interaction i set customer_id = r.customer_id from recent r
              where r.kind = 'customer' and i.customer_id = r.alias::uuid returning 1)
            select (select count(*) from anonymous) + (select count(*) from customers)""";
    private static final String ERASED_IDS = """
            insert into erased_customer (customer_id, erased_at)
            select $1::uuid, $2::timestamptz union select alias::uuid, $2 from customer_alias where customer_id = $1 and kind = 'customer'
            on conflict do nothing""";
    private static final String DELETE_BY_CUSTOMER = """
            delete from interaction where customer_id = $1 or customer_id in (
              select alias::uuid from customer_alias where customer_id = $1 and kind = 'customer')""";
    private static final String DELETE_BY_ANONYMOUS = """
            delete from interaction where customer_id is null and anonymous_id in (
              select alias from customer_alias where customer_id = $1 and kind = 'anonymous')""";
    private static final String FORGET_ALIASES = "delete from customer_alias where customer_id = $1";
    private static final String FORGET_EXTERNAL_IDS = "delete from external_identity where customer_id = $1";
    private static final String STATUS = """
            select 'erased', null::uuid from erased_customer where customer_id = $1
            union all select 'alias', customer_id from customer_alias where alias = $2 and kind = 'customer'""";

    /** What the service knows of a customer id: erased, merged into another, or nothing (an ordinary id). */
    public record Standing(boolean erased, Optional<UUID> mergedInto) {
    }

    private final Pool pool;

    CustomerIdentityRepository(Pool pool) {
        this.pool = pool;
    }

    /** {@code from} (an anonymous id or a merged-away customer's id) means {@code to} from now on. */
    public Uni<Void> merge(SqlConnection tx, String from, UUID to, boolean anonymous, OffsetDateTime at) {
        Uni<Void> alias = tx.preparedQuery(ALIAS).execute(Tuple.of(from, to, anonymous ? "anonymous" : "customer", at))
                .replaceWithVoid();
        if (anonymous) {
            return alias.flatMap(v -> tx.preparedQuery(REKEY_ANONYMOUS).execute(Tuple.of(from, to))).replaceWithVoid();
        }
        UUID old = UUID.fromString(from);
        return alias
                .flatMap(v -> tx.preparedQuery(FOLLOW_ALIASES).execute(Tuple.of(old, to)))
                .flatMap(v -> tx.preparedQuery(FOLLOW_EXTERNAL_IDS).execute(Tuple.of(old, to)))
                .flatMap(v -> tx.preparedQuery(REKEY_CUSTOMER).execute(Tuple.of(old, to)))
                .replaceWithVoid();
    }

    /** Deletes the customer's interactions (and those under ids merged into it) and refuses new ones. */
    public Uni<Void> erase(SqlConnection tx, UUID customer, OffsetDateTime at) {
        return tx.preparedQuery(ERASED_IDS).execute(Tuple.of(customer, at))
                .flatMap(v -> tx.preparedQuery(DELETE_BY_CUSTOMER).execute(Tuple.of(customer)))
                .flatMap(v -> tx.preparedQuery(DELETE_BY_ANONYMOUS).execute(Tuple.of(customer)))
                .flatMap(v -> tx.preparedQuery(FORGET_ALIASES).execute(Tuple.of(customer)))
                .flatMap(v -> tx.preparedQuery(FORGET_EXTERNAL_IDS).execute(Tuple.of(customer)))
                .replaceWithVoid();
    }

    /** Re-keys interactions stored under ids merged since {@code since}; how many rows moved. */
    public Uni<Long> sweep(OffsetDateTime since) {
        return pool.preparedQuery(SWEEP).execute(Tuple.of(since)).map(rows -> rows.iterator().next().getLong(0));
    }

    public Uni<Standing> standing(UUID customer) {
        return pool.preparedQuery(STATUS).execute(Tuple.of(customer, customer.toString())).map(rows -> {
            boolean erased = false;
            Optional<UUID> into = Optional.empty();
            for (Row row : rows) {
                if (row.getString(0).equals("erased")) {
                    erased = true;
                } else {
                    into = Optional.of(row.getUUID(1));
                }
            }
            return new Standing(erased, into);
        });
    }
}
