package io.waymark.platform.domain;

/**
 * Nothing of the request could be done because something it depends on is away for now (the interaction log,
 * say): 503 with Retry-After. The same request may be sent again unchanged.
 */
public final class Unavailable extends DomainException {

    public Unavailable(String detail) {
        super(detail);
    }
}
