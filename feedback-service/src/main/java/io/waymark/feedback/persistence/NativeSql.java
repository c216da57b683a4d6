package io.waymark.feedback.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** A native statement on the current session, with named parameters given as name, value, name, value, ... */
final class NativeSql {

    private NativeSql() {
    }

    static Uni<Void> execute(String sql, Object... params) {
        return Panache.getSession().flatMap(s -> {
            var query = s.createNativeQuery(sql);
            for (int i = 0; i < params.length; i += 2) {
                query.setParameter((String) params[i], params[i + 1]);
            }
            return query.executeUpdate();
        }).replaceWithVoid();
    }
}
