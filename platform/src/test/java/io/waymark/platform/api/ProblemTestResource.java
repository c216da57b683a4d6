package io.waymark.platform.api;

import io.smallrye.mutiny.Uni;
import io.waymark.platform.domain.Conflict;
import io.waymark.platform.domain.Invalid;
import io.waymark.platform.domain.NotFound;
import io.waymark.platform.domain.PreconditionFailed;
import io.waymark.platform.paging.PageQuery;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Failures of every kind, for the problem mappers' tests (test code only). */
@Path("/problems")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class ProblemTestResource {

    /** A value Jackson cannot write: its getter fails. */
    public static class Unwritable {
        public String getValue() {
            throw new IllegalStateException("cannot be written");
        }
    }

    @GET
    @Path("/domain/{kind}")
    public Uni<String> domain(@PathParam("kind") String kind) {
        return Uni.createFrom().failure(switch (kind) {
            case "not-found" -> new NotFound("thing", 42);
            case "conflict" -> new Conflict("taken");
            case "stale" -> new PreconditionFailed("the version you had is not the current one");
            default -> Invalid.field("name", "must not be blank");
        });
    }

    @GET
    @Path("/unwritable")
    public Unwritable unwritable() {
        return new Unwritable();
    }

    @GET
    @Path("/page")
    public PageQuery page(@BeanParam PageParams page) {
        return page.query();
    }

    @GET
    @Path("/unannotated")
    @jakarta.annotation.security.DenyAll
    public String denied() {
        return "never";
    }
}
