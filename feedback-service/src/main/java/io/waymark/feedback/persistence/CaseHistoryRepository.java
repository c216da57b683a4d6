package io.waymark.feedback.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import io.waymark.feedback.domain.cases.CaseHistory;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class CaseHistoryRepository implements PanacheRepositoryBase<CaseHistory, UUID> {

    /** Oldest first (ids are time-ordered). */
    public Uni<List<CaseHistory>> ofCase(UUID caseId) {
        return list("caseId = :case order by id", Parameters.with("case", caseId));
    }
}
