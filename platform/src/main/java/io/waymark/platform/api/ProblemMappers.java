package io.waymark.platform.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure of a REST call into an RFC 9457 problem+json answer: validation and malformed JSON
 * become 400 with the offending fields, HTTP errors keep their status, anything unexpected is a 500 that
 * is logged here and says nothing about the inside.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri, HttpHeaders headers) {
        List<Problem.Violation> violations = e.getConstraintViolations().stream()
                .map(v -> new Problem.Violation(field(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.Violation::field).thenComparing(Problem.Violation::message))
                .toList();
        String fields = violations.stream().map(Problem.Violation::field).distinct().collect(Collectors.joining(", "));
        return respond(Problem.of(400, "Bad Request", "invalid value for: " + fields, instance(uri, headers), violations));
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri, HttpHeaders headers) {
        return respond(Problem.of(e.status(), e.title(), e.getMessage(), instance(uri, headers)));
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, UriInfo uri, HttpHeaders headers) {
        List<Problem.Violation> violations = List.of();
        String detail = "the request body is not valid JSON";
        if (e instanceof UnrecognizedPropertyException u) {
            detail = "unknown field '" + u.getPropertyName() + "'";
            violations = List.of(new Problem.Violation(path(u), "unknown field"));
        } else if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            detail = "field '" + path(m) + "' has the wrong type or format";
            violations = List.of(new Problem.Violation(path(m), "wrong type or format"));
        }
        return respond(Problem.of(400, "Bad Request", detail, instance(uri, headers), violations));
    }

    /** No token, or one that is invalid or expired. */
    @ServerExceptionMapper({io.quarkus.security.UnauthorizedException.class,
            io.quarkus.security.AuthenticationFailedException.class})
    public Response unauthenticated(RuntimeException e, UriInfo uri, HttpHeaders headers) {
        return Response.status(401).type(Problem.MEDIA_TYPE).header("WWW-Authenticate", "Bearer")
                .entity(Problem.of(401, "Unauthorized", "a valid bearer token from the waymark realm is required",
                        instance(uri, headers)))
                .build();
    }

    /** A valid token without a role this operation allows. */
    @ServerExceptionMapper
    public Response forbidden(io.quarkus.security.ForbiddenException e, UriInfo uri, HttpHeaders headers) {
        return respond(Problem.of(403, "Forbidden", "your roles do not allow this operation", instance(uri, headers)));
    }

    /** Unknown fields and wrong types: Quarkus has its own (plain JSON) mapper for this exact type, so ours must name it too. */
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e, UriInfo uri, HttpHeaders headers) {
        return unreadableJson(e, uri, headers);
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e, UriInfo uri, HttpHeaders headers) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadableJson(json, uri, headers);
        }
        Response.StatusType status = e.getResponse().getStatusInfo();
        String detail = status.getStatusCode() == 404 ? "no resource at " + instance(uri, headers) : e.getMessage();
        Response.ResponseBuilder builder = Response.status(status.getStatusCode())
                .type(Problem.MEDIA_TYPE)
                .entity(Problem.of(status.getStatusCode(), status.getReasonPhrase(), detail, instance(uri, headers)));
        // keep what the client needs to retry correctly (Allow on 405, WWW-Authenticate on 401, ...)
        e.getResponse().getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type") && !name.equalsIgnoreCase("Content-Length")) {
                values.forEach(v -> builder.header(name, v));
            }
        });
        return builder.build();
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e, UriInfo uri, HttpHeaders headers) {
        if (isUniqueViolation(e)) {
            return respond(Problem.of(409, "Conflict", "a resource with the same unique value already exists",
                    instance(uri, headers)));
        }
        LOG.errorf(e, "unexpected failure of %s", uri.getPath());
        return respond(Problem.of(500, "Internal Server Error", "the request could not be completed; it was logged",
                instance(uri, headers)));
    }

    /** A unique-constraint violation from PostgreSQL (SQLSTATE 23505) that slipped past the service's own check. */
    private static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            boolean hibernate = t instanceof org.hibernate.exception.ConstraintViolationException c
                    && "23505".equals(c.getSQLState());
            // the reactive driver's own exception, named rather than imported: the platform does not pin a driver
            boolean driver = t.getClass().getName().equals("io.vertx.pgclient.PgException")
                    && String.valueOf(t.getMessage()).contains("23505");
            if (hibernate || driver) {
                return true;
            }
        }
        return false;
    }

    /**
     * The path the client called: behind the gateway that is /api + the service's path (the gateway sets
     * X-Forwarded-Prefix). Only used to name the failed request, never for routing or security.
     */
    private static String instance(UriInfo uri, HttpHeaders headers) {
        String prefix = headers.getHeaderString("X-Forwarded-Prefix");
        return prefix != null && prefix.matches("/[A-Za-z0-9/_-]{1,64}") ? prefix + uri.getPath() : uri.getPath();
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    /** "create.request.email" (method.parameter.field) becomes "email". */
    private static String field(ConstraintViolation<?> v) {
        String path = v.getPropertyPath().toString();
        String[] parts = path.split("\\.");
        return parts.length > 2 ? String.join(".", java.util.Arrays.copyOfRange(parts, 2, parts.length))
                : parts[parts.length - 1];
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }
}
