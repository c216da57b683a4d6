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

    /** The customer a subject names, or null for a visitor (or a subject that is no customer id). */
    public static UUID customerOf(String subject) {
        if (subject.startsWith("anon:")) {
            return null;
        }
        try {
            return UUID.fromString(subject);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The customer a subject (such as a merge's survivor) names; {@code otherwise} when it names none. */
    public static UUID customerOr(String subject, UUID otherwise) {
        UUID customer = subject == null ? null : customerOf(subject);
        return customer != null ? customer : otherwise;
    }

    /** The anonymous id of a visitor's subject, or null for a customer. */
    public static String anonymousIdOf(String subject) {
        return subject.startsWith("anon:") ? subject.substring(5) : null;
    }
}
