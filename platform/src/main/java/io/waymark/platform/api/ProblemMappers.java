package io.waymark.platform.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.waymark.platform.domain.Conflict;
import io.waymark.platform.domain.DomainException;
import io.waymark.platform.domain.Gone;
import io.waymark.platform.domain.Invalid;
import io.waymark.platform.domain.Moved;
import io.waymark.platform.domain.NotAllowed;
import io.waymark.platform.domain.NotFound;
import io.waymark.platform.domain.PreconditionFailed;
import io.waymark.platform.domain.Unavailable;
import io.waymark.platform.errors.DatabaseFailures;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure of a REST call into an RFC 9457 problem+json answer: domain refusals get their status,
 * validation and unreadable JSON are 400 naming the fields, HTTP errors keep their status, a database that
 * is away is 503 with Retry-After, and anything else is a 500 that is logged here and says nothing about
 * the inside.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    static final String RETRY_AFTER_SECONDS = "5";

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri, HttpHeaders headers) {
        List<Problem.Violation> violations = e.getConstraintViolations().stream()
                .map(v -> new Problem.Violation(field(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.Violation::field).thenComparing(Problem.Violation::message))
                .toList();
        return invalid(violations, uri, headers);
    }

    @ServerExceptionMapper
    public Response domain(DomainException e, UriInfo uri, HttpHeaders headers, Request request) {
        String instance = instance(uri, headers);
        return switch (e) {
            case Gone g -> respond(Problem.of(410, "Gone", g.getMessage(), instance));
            case NotAllowed n -> respond(Problem.of(403, "Forbidden", n.getMessage(), instance));
            case Moved m -> moved(m, instance, request.getMethod());
            case NotFound n -> respond(Problem.of(404, "Not Found", n.getMessage(), instance));
            case Unavailable u -> unavailable(u.getMessage(), instance);
            case Conflict c -> respond(Problem.of(409, "Conflict", c.getMessage(), instance));
            case PreconditionFailed p -> respond(Problem.of(412, "Precondition Failed", p.getMessage(), instance));
            case Invalid i -> invalid(i.errors().stream().map(f -> new Problem.Violation(f.field(), f.message())).toList(),
                    uri, headers);
        };
    }

    /**
     * Reads of something merged away follow it (301); writes must be re-aimed by the caller (410). Both carry
     * Location: the same path with the survivor's id, relative to where the client called. When the old id is
     * not in the path (it came in the body), there is no such path: 410, the detail names the survivor.
     */
    private static Response moved(Moved m, String instance, String method) {
        boolean read = "GET".equals(method) || "HEAD".equals(method);
        // only when the old id is in the path can the same path with the survivor's id be offered (any case)
        java.util.regex.Matcher inPath = java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(m.from()),
                java.util.regex.Pattern.CASE_INSENSITIVE).matcher(instance);
        if (!inPath.find()) {
            return respond(Problem.of(410, "Gone", m.getMessage(), instance));
        }
        int status = read ? 301 : 410;
        String location = inPath.replaceAll(java.util.regex.Matcher.quoteReplacement(m.to()));
        return Response.status(status).type(Problem.MEDIA_TYPE).header("Location", location)
                .entity(Problem.of(status, read ? "Moved Permanently" : "Gone", m.getMessage(), instance)).build();
    }

    /**
     * JSON that could not be read is the client's fault (400); JSON that could not be written is ours (500).
     * Quarkus has its own plain mapper for {@link MismatchedInputException}, so that type is named too.
     */
    @ServerExceptionMapper({JsonProcessingException.class, MismatchedInputException.class})
    public Response json(JsonProcessingException e, UriInfo uri, HttpHeaders headers) {
        if (!whileReading(e)) {
            return unexpected(e, uri, headers);
        }
        List<Problem.Violation> violations = List.of();
        String detail = "the request body is not valid JSON";
        if (e instanceof UnrecognizedPropertyException u) {
            detail = "unknown field '" + path(u) + "'";
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

    @ServerExceptionMapper
    public Response http(WebApplicationException e, UriInfo uri, HttpHeaders headers) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return json(json, uri, headers);
        }
        Response.StatusType status = e.getResponse().getStatusInfo();
        if (status.getStatusCode() >= 500) {
            LOG.warnf("%s answered %d: %s", uri.getPath(), status.getStatusCode(), e.getMessage());
        }
        String detail = switch (status.getStatusCode()) {
            case 404 -> "no resource at " + instance(uri, headers);
            case 405 -> "this resource does not allow that method; see Allow";
            case 406 -> "this resource cannot answer in the media type asked for";
            case 415 -> "this resource does not take that Content-Type";
            default -> status.getStatusCode() >= 500 ? "the request could not be completed; retry later" : e.getMessage();
        };
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
        String instance = instance(uri, headers);
        if (DatabaseFailures.isUniqueViolation(e)) {
            return respond(Problem.of(409, "Conflict", "a resource with the same unique value already exists", instance));
        }
        if (DatabaseFailures.isConcurrentUpdate(e)) {
            return respond(Problem.of(412, "Precondition Failed",
                    "the resource changed while this request was being applied; read it again", instance));
        }
        if (DatabaseFailures.isTransient(e)) {
            LOG.warnf("database unavailable for %s: %s", uri.getPath(), e.getMessage());
            return unavailable("the service cannot reach its database right now; retry later", instance);
        }
        LOG.errorf(e, "unexpected failure of %s", uri.getPath());
        return respond(Problem.of(500, "Internal Server Error", "the request could not be completed; it was logged",
                instance));
    }

    private static Response unavailable(String detail, String instance) {
        return Response.status(503).type(Problem.MEDIA_TYPE).header("Retry-After", RETRY_AFTER_SECONDS)
                .entity(Problem.of(503, "Service Unavailable", detail, instance)).build();
    }

    static boolean whileReading(JsonProcessingException e) {
        return e instanceof StreamReadException
                || (e instanceof JsonMappingException m && m.getProcessor() instanceof JsonParser);
    }

    private static Response invalid(List<Problem.Violation> violations, UriInfo uri, HttpHeaders headers) {
        String fields = violations.stream().map(Problem.Violation::field).distinct().collect(Collectors.joining(", "));
        return respond(Problem.of(400, "Bad Request", "invalid value for: " + fields, instance(uri, headers), violations));
    }

    /**
     * The path the client called: behind the gateway that is /api + the service's path (the gateway sets
     * X-Forwarded-Prefix). Only used to name the failed request, never for routing or security.
     */
    static String instance(UriInfo uri, HttpHeaders headers) {
        return HttpProblems.instance(headers.getHeaderString("X-Forwarded-Prefix"), uri.getPath());
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
