package io.waymark.analytics.domain.model;

import java.util.UUID;

/**
 * Whom analytics counts: a customer by id, or a visitor not identified yet by {@code anon:<anonymous id>}
 * (interactions come keyed by anonymous id until customer-service links it; {@code customer.merged} folds it in).
 */
public final class Subjects {

    private Subjects() {
    }

    public static String of(UUID customerId, String anonymousId) {
        return customerId != null ? customerId.toString() : "anon:" + anonymousId;
    }

    public static String customer(UUID customerId) {
        return customerId.toString();
    }

    public static String anonymous(String anonymousId) {
        return "anon:" + anonymousId;
    }
}
