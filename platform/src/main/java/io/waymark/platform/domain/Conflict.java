package io.waymark.platform.domain;

/** The change contradicts the current state, e.g. a unique value that is taken. */
public final class Conflict extends DomainException {

    public Conflict(String detail) {
        super(detail);
    }
}
