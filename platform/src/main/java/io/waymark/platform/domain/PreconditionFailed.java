package io.waymark.platform.domain;

/** The caller's view is stale: the version it based its change on is no longer the current one. */
public final class PreconditionFailed extends DomainException {

    public PreconditionFailed(String detail) {
        super(detail);
    }
}
