package io.waymark.platform.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 9457 problem details body ({@code application/problem+json}). {@code violations} lists the fields
 * that failed validation, one entry per field and message.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance,
                      List<Violation> violations) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public record Violation(String field, String message) {
    }

    /** A problem of no more specific type than its status ({@code about:blank}, as RFC 9457 suggests). */
    public static Problem of(int status, String title, String detail, String instance) {
        return of(status, title, detail, instance, List.of());
    }

    public static Problem of(int status, String title, String detail, String instance, List<Violation> violations) {
        return new Problem("about:blank", title, status, detail, instance, violations);
    }
}
