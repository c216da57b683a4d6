package io.waymark.platform.domain;

/**
 * The caller may do this kind of thing, but not to this one (a designer editing another team's journey map):
 * 403. Who may call an operation at all is the roles' business, checked before any domain code runs.
 */
public final class NotAllowed extends DomainException {

    public NotAllowed(String detail) {
        super(detail);
    }
}
