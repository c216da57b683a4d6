package io.waymark.platform.domain;

/** The thing asked for existed and was removed for good (an erased customer): 410. */
public final class Gone extends DomainException {

    public Gone(String detail) {
        super(detail);
    }
}
