package io.waymark.feedback.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import io.waymark.feedback.domain.response.SurveyResponse;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ResponseRepository implements PanacheRepositoryBase<SurveyResponse, UUID> {

    /**
     * Serialises the recording of one response id until the transaction ends, so a client's retries racing
     * each other find the first one's row instead of failing on the primary key.
     */
    public Uni<Void> lockId(UUID responseId) {
        return NativeSql.execute("select pg_advisory_xact_lock(hashtextextended(cast(:id as text), 0))",
                "id", responseId.toString());
    }

    public Uni<List<SurveyResponse>> ofCustomer(UUID customerId) {
        return list("customerId = :customer order by id", Parameters.with("customer", customerId));
    }
}
