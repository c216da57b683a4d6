package io.waymark.analytics.persistence.churn;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * Writes the facts of customers' churn histories, each kind with one statement over arrays. Every write is keyed
 * by the fact itself ({@code on conflict do nothing}, or a newer version wins), so a redelivered event changes
 * nothing; rows go in key order, so two transactions cannot deadlock on them.
 */
@ApplicationScoped
public class ChurnFacts {

    public record Day(String subject, LocalDate day, String channel) {
    }

    public record LostMark(String subject, OffsetDateTime at) {
    }

    public record Move(UUID customerId, long version, OffsetDateTime at, String stage, boolean backward) {
    }

    public record AnswerRow(UUID responseId, UUID customerId, String kind, Integer score, Double normalized,
                            boolean negativeComment, UUID journeyId, String touchpoint, OffsetDateTime at) {
    }

    public Uni<Void> days(SqlConnection tx, Collection<Day> days) {
        if (days.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Day> sorted = new ArrayList<>(days);
        sorted.sort(Comparator.comparing(Day::subject).thenComparing(Day::day).thenComparing(Day::channel));
        return tx.preparedQuery("""
                        insert into churn_activity_day (subject, day, channel)
                        select * from unnest($1::text[], $2::date[], $3::text[]) on conflict do nothing""")
                .execute(Tuple.tuple().addArrayOfString(sorted.stream().map(Day::subject).toArray(String[]::new))
                        .addArrayOfLocalDate(sorted.stream().map(Day::day).toArray(LocalDate[]::new))
                        .addArrayOfString(sorted.stream().map(Day::channel).toArray(String[]::new)))
                .replaceWithVoid();
    }

    public Uni<Void> lostMarks(SqlConnection tx, List<LostMark> marks) {
        if (marks.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return tx.preparedQuery("""
                        insert into churn_lost_mark (subject, at)
                        select * from unnest($1::text[], $2::timestamptz[]) on conflict do nothing""")
                .execute(Tuple.tuple().addArrayOfString(marks.stream().map(LostMark::subject).toArray(String[]::new))
                        .addArrayOfOffsetDateTime(marks.stream().map(LostMark::at).toArray(OffsetDateTime[]::new)))
                .replaceWithVoid();
    }

    public Uni<Void> moves(SqlConnection tx, List<Move> moves) {
        if (moves.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return tx.preparedQuery("""
                        insert into churn_stage_move (customer_id, version, at, stage, backward)
                        select * from unnest($1::uuid[], $2::int8[], $3::timestamptz[], $4::text[], $5::bool[])
                               as m(customer_id, version, at, stage, backward)
                        where not exists (select 1 from erased_subject e where e.subject = m.customer_id::text)
                        on conflict do nothing""")
                .execute(Tuple.tuple().addArrayOfUUID(moves.stream().map(Move::customerId).toArray(UUID[]::new))
                        .addArrayOfLong(moves.stream().map(Move::version).toArray(Long[]::new))
                        .addArrayOfOffsetDateTime(moves.stream().map(Move::at).toArray(OffsetDateTime[]::new))
                        .addArrayOfString(moves.stream().map(Move::stage).toArray(String[]::new))
                        .addArrayOfBoolean(moves.stream().map(Move::backward).toArray(Boolean[]::new)))
                .replaceWithVoid();
    }

    public Uni<Void> answers(SqlConnection tx, List<AnswerRow> answers) {
        if (answers.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return tx.preparedQuery("""
                        insert into churn_answer (response_id, customer_id, kind, score, normalized, negative_comment,
                                                  journey_id, touchpoint, recorded_at)
                        select * from unnest($1::uuid[], $2::uuid[], $3::text[], $4::int4[], $5::float8[], $6::bool[],
                                             $7::uuid[], $8::text[], $9::timestamptz[]) as a(r, c)
                        where not exists (select 1 from erased_subject e where e.subject = a.c::text)
                        on conflict do nothing""")
                .execute(Tuple.tuple().addArrayOfUUID(answers.stream().map(AnswerRow::responseId).toArray(UUID[]::new))
                        .addArrayOfUUID(answers.stream().map(AnswerRow::customerId).toArray(UUID[]::new))
                        .addArrayOfString(answers.stream().map(AnswerRow::kind).toArray(String[]::new))
                        .addArrayOfInteger(answers.stream().map(AnswerRow::score).toArray(Integer[]::new))
                        .addArrayOfDouble(answers.stream().map(AnswerRow::normalized).toArray(Double[]::new))
                        .addArrayOfBoolean(answers.stream().map(AnswerRow::negativeComment).toArray(Boolean[]::new))
                        .addArrayOfUUID(answers.stream().map(AnswerRow::journeyId).toArray(UUID[]::new))
                        .addArrayOfString(answers.stream().map(AnswerRow::touchpoint).toArray(String[]::new))
                        .addArrayOfOffsetDateTime(answers.stream().map(AnswerRow::at).toArray(OffsetDateTime[]::new)))
                .replaceWithVoid();
    }

    /** A case opened (again: a new opening and due time) or closed, as of {@code version}; older versions change nothing. */
    public Uni<Void> caseState(SqlConnection tx, UUID caseId, UUID customerId, OffsetDateTime openedAt,
                               OffsetDateTime dueAt, OffsetDateTime closedAt, long version) {
        if (customerId == null) {
            return Uni.createFrom().voidItem();
        }
        return tx.preparedQuery("""
                        insert into churn_case (case_id, customer_id, opened_at, due_at, closed_at, aggregate_version)
                        select $1, $2::uuid, $3, $4, $5, $6
                        where not exists (select 1 from erased_subject e where e.subject = $2::uuid::text)
                        on conflict (case_id) do update set opened_at = coalesce(excluded.opened_at, churn_case.opened_at),
                               due_at = coalesce(excluded.due_at, churn_case.due_at), closed_at = excluded.closed_at,
                               aggregate_version = excluded.aggregate_version
                        where churn_case.aggregate_version < excluded.aggregate_version""")
                .execute(Tuple.from(new Object[] {caseId, customerId, openedAt, dueAt, closedAt, version}))
                .replaceWithVoid();
    }

    /** A visitor's (or a merged-away customer's) history becomes the survivor's. */
    public Uni<Void> fold(SqlConnection tx, String from, String into, UUID fromCustomer, UUID intoCustomer) {
        Uni<Void> subjects = tx.preparedQuery("""
                        with moved as (delete from churn_activity_day where subject = $1 returning day, channel)
                        insert into churn_activity_day (subject, day, channel) select $2, day, channel from moved
                        on conflict do nothing""").execute(Tuple.of(from, into))
                .flatMap(r -> tx.preparedQuery("""
                        with moved as (delete from churn_lost_mark where subject = $1 returning at)
                        insert into churn_lost_mark (subject, at) select $2, at from moved on conflict do nothing""")
                        .execute(Tuple.of(from, into)))
                .replaceWithVoid();
        if (fromCustomer == null) {
            return subjects;
        }
        // the survivor's own stage events tell its stage; answers and cases follow the person
        return subjects
                .flatMap(v -> tx.preparedQuery("update churn_answer set customer_id = $2 where customer_id = $1")
                        .execute(Tuple.of(fromCustomer, intoCustomer)))
                .flatMap(v -> tx.preparedQuery("update churn_case set customer_id = $2 where customer_id = $1")
                        .execute(Tuple.of(fromCustomer, intoCustomer)))
                .flatMap(v -> forgetCustomerOnly(tx, fromCustomer, false));
    }

    /** Everything kept about the subject goes (erasure), its score included. */
    public Uni<Void> forget(SqlConnection tx, String subject, UUID customer) {
        Uni<Void> subjects = tx.preparedQuery("delete from churn_activity_day where subject = $1").execute(Tuple.of(subject))
                .flatMap(r -> tx.preparedQuery("delete from churn_lost_mark where subject = $1").execute(Tuple.of(subject)))
                .replaceWithVoid();
        return customer == null ? subjects : subjects.flatMap(v -> forgetCustomerOnly(tx, customer, true));
    }

    private Uni<Void> forgetCustomerOnly(SqlConnection tx, UUID customer, boolean answersAndCases) {
        Uni<Void> chain = tx.preparedQuery("delete from churn_stage_move where customer_id = $1").execute(Tuple.of(customer))
                .flatMap(r -> tx.preparedQuery("delete from churn_score where customer_id = $1").execute(Tuple.of(customer)))
                .replaceWithVoid();
        if (!answersAndCases) {
            return chain;
        }
        return chain.flatMap(v -> tx.preparedQuery("delete from churn_answer where customer_id = $1").execute(Tuple.of(customer)))
                .flatMap(r -> tx.preparedQuery("delete from churn_case where customer_id = $1").execute(Tuple.of(customer)))
                .replaceWithVoid();
    }
}
