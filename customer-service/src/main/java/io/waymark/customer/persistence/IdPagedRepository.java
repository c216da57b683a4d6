package io.waymark.customer.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import io.waymark.platform.paging.PageQuery;
import java.util.List;
import java.util.UUID;

/** A repository of entities listed in id (= creation) order with the platform's cursor paging. */
public interface IdPagedRepository<E> extends PanacheRepositoryBase<E, UUID> {

    /** In id order after the cursor, one more than asked (so the page knows whether a next one exists). */
    default Uni<List<E>> page(PageQuery page) {
        return page(page, null, new Parameters());
    }

    /** The same, of the entities that {@code where} (HQL over named {@code params}) selects. */
    default Uni<List<E>> page(PageQuery page, String where, Parameters params) {
        String query = where == null ? "" : where;
        if (page.after() != null) {
            query = (query.isEmpty() ? "" : query + " and ") + "id > :after";
            params.and("after", page.after());
        }
        return find((query.isEmpty() ? "" : query + " ") + "order by id", params).page(0, page.fetchSize()).list();
    }

    /** Whether another entity than {@code except} has this name, regardless of case. */
    default Uni<Boolean> nameTaken(String name, UUID except) {
        return count("lower(name) = lower(:name) and id != :except",
                Parameters.with("name", name).and("except", except)).map(n -> n > 0);
    }
}
