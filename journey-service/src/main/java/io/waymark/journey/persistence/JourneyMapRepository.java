package io.waymark.journey.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import io.waymark.journey.domain.JourneyMap;
import io.waymark.platform.paging.PageQuery;
import io.waymark.platform.persistence.LikePatterns;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class JourneyMapRepository implements PanacheRepositoryBase<JourneyMap, UUID> {

    /**
     * Maps in id (= creation) order after the cursor, one more than asked; filtered by owner team, status and a
     * case-insensitive substring of the name (trigram index). Fixed fragments only; every value is a parameter.
     */
    public Uni<List<JourneyMap>> search(Optional<String> team, Optional<String> status, Optional<String> text,
                                        PageQuery page) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        team.ifPresent(t -> {
            where.add("ownerTeam = :team");
            params.and("team", t);
        });
        status.ifPresent(s -> {
            where.add("status = :status");
            params.and("status", s);
        });
        text.ifPresent(q -> {
            where.add("lower(name) like :pattern escape '!'");
            params.and("pattern", LikePatterns.containsIgnoringCase(q));
        });
        if (page.after() != null) {
            where.add("id > :after");
            params.and("after", page.after());
        }
        String query = (where.isEmpty() ? "" : String.join(" and ", where) + " ") + "order by id";
        return find(query, params).page(0, page.fetchSize()).list();
    }
}
