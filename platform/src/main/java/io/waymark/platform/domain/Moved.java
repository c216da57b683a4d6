package io.waymark.platform.domain;

/**
 * The thing asked for now lives under another id (a customer merged into another): a read is redirected
 * (301), a write is refused (410); both name where it went.
 */
public final class Moved extends DomainException {

    private final String from;
    private final String to;

    public Moved(String what, Object from, Object to) {
        super(what + " " + from + " was merged into " + to);
        this.from = from.toString();
        this.to = to.toString();
    }

    public String from() {
        return from;
    }

    public String to() {
        return to;
    }
}
