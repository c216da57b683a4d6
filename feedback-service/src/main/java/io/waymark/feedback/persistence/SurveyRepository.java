package io.waymark.feedback.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import io.waymark.feedback.domain.survey.Survey;
import io.waymark.feedback.domain.survey.SurveySearch;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class SurveyRepository implements PanacheRepositoryBase<Survey, UUID> {

    /** Surveys in id (= creation) order after the cursor, one more than asked; fixed fragments, values as parameters. */
    public Uni<List<Survey>> search(SurveySearch search) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        search.status().ifPresent(s -> {
            where.add("status = :status");
            params.and("status", s);
        });
        search.kind().ifPresent(k -> {
            where.add("kind = :kind");
            params.and("kind", k);
        });
        search.team().ifPresent(t -> {
            where.add("owningTeam = :team");
            params.and("team", t);
        });
        search.journeyId().ifPresent(j -> {
            where.add("journeyId = :journey");
            params.and("journey", j);
        });
        search.touchpointKey().ifPresent(k -> {
            where.add("touchpointKey = :touchpoint");
            params.and("touchpoint", k);
        });
        if (search.page().after() != null) {
            where.add("id > :after");
            params.and("after", search.page().after());
        }
        String query = (where.isEmpty() ? "" : String.join(" and ", where) + " ") + "order by id";
        return find(query, params).page(0, search.page().fetchSize()).list();
    }
}
