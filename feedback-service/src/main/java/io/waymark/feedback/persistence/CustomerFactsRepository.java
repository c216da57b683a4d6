package io.waymark.feedback.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What feedback-service knows of customers from customer.events: the current "surveys" consent, the lifecycle
 * stage, and customers merged away or erased. Upserts apply only over an older aggregate version of the
 * customer, so a redelivered or late event changes nothing.
 */
@ApplicationScoped
public class CustomerFactsRepository {

    /** A customer merged into another (where their data went) or erased. */
    public record Retired(UUID mergedInto, boolean erased) {
    }

    /**
     * Locks the customer until the transaction ends (a PostgreSQL advisory lock on a hash of "customer:" + id):
     * answers, invitations, merges and erasures of one customer take it, so they happen one after another.
     */
    public Uni<Void> lock(UUID customerId) {
        return execute("select pg_advisory_xact_lock(hashtextextended(:key, 0))", "key", "customer:" + customerId);
    }

    public Uni<Void> consent(UUID customerId, boolean granted, OffsetDateTime at, long aggregateVersion) {
        return execute("insert into customer_consent (customer_id, granted, at, aggregate_version) "
                + "values (:id, :granted, :at, :version) on conflict (customer_id) do update "
                + "set granted = excluded.granted, at = excluded.at, aggregate_version = excluded.aggregate_version "
                + "where customer_consent.aggregate_version < excluded.aggregate_version",
                "id", customerId, "granted", granted, "at", at, "version", aggregateVersion);
    }

    public Uni<Void> stage(UUID customerId, String stage, long aggregateVersion) {
        return execute("insert into customer_stage (customer_id, stage, aggregate_version) "
                + "values (:id, :stage, :version) on conflict (customer_id) do update "
                + "set stage = excluded.stage, aggregate_version = excluded.aggregate_version "
                + "where customer_stage.aggregate_version < excluded.aggregate_version",
                "id", customerId, "stage", stage, "version", aggregateVersion);
    }

    /** True only when the latest known "surveys" answer of the customer is a grant. */
    public Uni<Boolean> consentsToSurveys(UUID customerId) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery(
                        "select granted from customer_consent where customer_id = :id", Boolean.class)
                .setParameter("id", customerId).getResultList())
                .map(rows -> !rows.isEmpty() && Boolean.TRUE.equals(rows.get(0)));
    }

    public Uni<Optional<String>> stageOf(UUID customerId) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery(
                        "select stage from customer_stage where customer_id = :id", String.class)
                .setParameter("id", customerId).getResultList())
                .map(rows -> rows.stream().findFirst());
    }

    public Uni<Optional<Retired>> retired(UUID customerId) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery(
                        "select merged_into, erased_at from retired_customer where customer_id = :id", Object[].class)
                .setParameter("id", customerId).getResultList())
                .map(rows -> rows.stream().findFirst().map(r -> new Retired((UUID) r[0], r[1] != null)));
    }

    /** {@code from} now lives under {@code to}; earlier merges into {@code from} follow it, so one lookup finds the survivor. */
    public Uni<Void> merged(UUID from, UUID to) {
        return execute("update retired_customer set merged_into = :to where merged_into = :from", "from", from, "to", to)
                .flatMap(v -> execute("insert into retired_customer (customer_id, merged_into) values (:from, :to) "
                        + "on conflict (customer_id) do update set merged_into = excluded.merged_into", "from", from, "to", to));
    }

    /** The customer, and every id merged into them, is erased: later answers under those ids are refused. */
    public Uni<Void> erased(UUID customerId, OffsetDateTime at) {
        return execute("update retired_customer set erased_at = :at where merged_into = :id", "id", customerId, "at", at)
                .flatMap(v -> execute("insert into retired_customer (customer_id, erased_at) values (:id, :at) "
                        + "on conflict (customer_id) do update set erased_at = excluded.erased_at", "id", customerId, "at", at));
    }

    /** Consent and stage of a customer merged away or erased: the survivor has its own (customer-service publishes them). */
    public Uni<Void> forget(UUID customerId) {
        return execute("delete from customer_consent where customer_id = :id", "id", customerId)
                .flatMap(v -> execute("delete from customer_stage where customer_id = :id", "id", customerId));
    }

    /** Moves every row of {@code tables} that names {@code from} as its customer to {@code to}. */
    public Uni<Void> rekey(List<String> tables, UUID from, UUID to) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (String table : tables) {
            chain = chain.flatMap(v -> execute("update " + table + " set customer_id = :to where customer_id = :from",
                    "from", from, "to", to));
        }
        return chain;
    }

    private static Uni<Void> execute(String sql, Object... params) {
        return NativeSql.execute(sql, params);
    }
}
