package io.waymark.platform.domain;

/**
 * A rule of the domain refused what was asked. Domain code throws these and knows nothing of HTTP; the
 * platform's problem mappers answer them as problem+json (404, 409, 412, 400, 410, 301, 403, 503).
 */
public abstract sealed class DomainException extends RuntimeException
        permits NotFound, Conflict, PreconditionFailed, Invalid, Gone, Moved, NotAllowed, Unavailable {

    protected DomainException(String detail) {
        super(detail, null, false, false);
    }
}
