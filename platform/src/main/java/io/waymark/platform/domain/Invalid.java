package io.waymark.platform.domain;

import java.util.List;

/** Input that breaks a rule, naming each offending field. */
public final class Invalid extends DomainException {

    /** One offending field (a path such as {@code traits.plan} or {@code stages[2].key}) and what is wrong. */
    public record FieldError(String field, String message) {
    }

    private final List<FieldError> errors;

    public Invalid(String detail, List<FieldError> errors) {
        super(detail);
        this.errors = List.copyOf(errors);
    }

    public static Invalid field(String field, String message) {
        return new Invalid(field + ": " + message, List.of(new FieldError(field, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }
}
