package io.waymark.feedback.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import io.waymark.feedback.domain.cases.CaseSearch;
import io.waymark.feedback.domain.cases.CaseStatus;
import io.waymark.feedback.domain.cases.FeedbackCase;
import io.waymark.feedback.domain.response.SurveyResponse;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class CaseRepository implements PanacheRepositoryBase<FeedbackCase, UUID> {

    /** Cases in id (= opening) order after the cursor, one more than asked; fixed fragments, values as parameters. */
    public Uni<List<FeedbackCase>> search(CaseSearch search, OffsetDateTime now) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        search.visibleTeams().ifPresent(teams -> {
            where.add("team in :visible");
            params.and("visible", teams.isEmpty() ? List.of("") : List.copyOf(teams));
        });
        search.team().ifPresent(t -> {
            where.add("team = :team");
            params.and("team", t);
        });
        search.status().ifPresent(s -> {
            where.add("status = :status");
            params.and("status", s);
        });
        if (search.overdue()) {
            where.add("status in :waiting and dueAt < :now");
            params.and("waiting", CaseStatus.WAITING).and("now", now);
        }
        if (search.page().after() != null) {
            where.add("id > :after");
            params.and("after", search.page().after());
        }
        String query = (where.isEmpty() ? "" : String.join(" and ", where) + " ") + "order by id";
        return find(query, params).page(0, search.page().fetchSize()).list();
    }

    public Uni<FeedbackCase> findByResponse(UUID responseId) {
        return find("responseId", responseId).firstResult();
    }

    public Uni<List<FeedbackCase>> ofCustomer(UUID customerId) {
        return list("customerId = :customer order by id", Parameters.with("customer", customerId));
    }

    /**
     * Links a later answer of the customer to their cases waiting for one: the case a follow-up invitation was
     * sent for, and every case of the same survey kind resolved before the answer. A change of the case like
     * any other: its revision (the ETag) goes up, so an agent's change based on a read before the link is
     * refused (412) instead of clearing a recovery they never saw. The ids of the cases linked.
     */
    public Uni<List<UUID>> linkFollowUp(SurveyResponse r, UUID invitedFor) {
        return getSession().flatMap(s -> s.createNativeQuery("update feedback_case set follow_up_response_id = :response, "
                        + "score_after = :score, normalized_after = :normalized, revision = revision + 1, "
                        + "updated_at = :at, version = version + 1 "
                        + "where follow_up_response_id is null and customer_id = :customer and (id = :invitedFor "
                        + "or (kind = :kind and resolved_at is not null and resolved_at <= :at)) returning id", UUID.class)
                .setParameter("response", r.id).setParameter("score", r.score)
                .setParameter("normalized", r.normalizedScore).setParameter("customer", r.customerId)
                .setParameter("invitedFor", invitedFor == null ? new UUID(0, 0) : invitedFor)
                .setParameter("kind", r.kind.name()).setParameter("at", r.recordedAt)
                .getResultList());
    }

    /** An erasure: no customer id and no free text on the customer's cases and in their history (a new revision). */
    public Uni<Void> forgetCustomer(UUID customerId) {
        return NativeSql.execute("update case_history set root_cause_text = null, note = null "
                        + "where case_id in (select id from feedback_case where customer_id = :id)", "id", customerId)
                .flatMap(v -> NativeSql.execute("update feedback_case set customer_id = null, root_cause_text = null, "
                        + "revision = revision + 1, version = version + 1 where customer_id = :id", "id", customerId));
    }
}
