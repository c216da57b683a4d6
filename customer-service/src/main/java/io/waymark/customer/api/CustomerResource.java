package io.waymark.customer.api;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.waymark.customer.api.CustomerDtos.CreateCustomer;
import io.waymark.customer.api.CustomerDtos.CustomerView;
import io.waymark.customer.domain.CustomerService;
import io.waymark.customer.persistence.CustomerRepository;
import io.waymark.platform.api.Cursors;
import io.waymark.platform.api.Page;
import io.waymark.platform.api.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/customers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Customers")
@SecurityRequirement(name = "SecurityScheme")
public class CustomerResource {

    @Inject
    CustomerService service;

    @Inject
    CustomerRepository customers;

    @POST
    @RolesAllowed({"admin", "agent", "ingest"})
    @Operation(summary = "Create a customer", description = "Starts at AWARENESS unless a stage is given. "
            + "Publishes io.waymark.customer.created.v1 on customer.events. 409 if the email is taken.")
    public Uni<Response> create(@NotNull(message = "a JSON body is required") @Valid CreateCustomer request,
                                UriInfo uri) {
        return service.create(request.email(), request.firstName(), request.lastName(), request.traits(),
                        request.stage())
                .map(c -> Response.created(uri.getAbsolutePathBuilder().path(c.id.toString()).build())
                        .entity(CustomerView.of(c)).build());
    }

    @GET
    @Path("/{id}")
    @WithSession
    @RolesAllowed({"admin", "agent", "analyst"})
    @Operation(summary = "Get one customer")
    public Uni<CustomerView> get(@PathParam("id") UUID id) {
        return customers.findById(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("customer", id))
                .map(CustomerView::of);
    }

    @GET
    @WithSession
    @RolesAllowed({"admin", "agent", "analyst"})
    @Operation(summary = "List customers", description = "Oldest first; follow `next` (as ?cursor=) for the next page.")
    public Uni<Page<CustomerView>> list(@QueryParam("limit") @DefaultValue("" + Page.DEFAULT_LIMIT) @Min(1) @Max(Page.MAX_LIMIT) int limit,
                                        @QueryParam("cursor") String cursor) {
        UUID after = Cursors.decodeId(cursor);
        return customers.pageAfter(after, limit).map(found -> {
            List<CustomerView> items = found.stream().limit(limit).map(CustomerView::of).toList();
            String next = found.size() > limit ? Cursors.encodeId(items.get(items.size() - 1).id()) : null;
            return new Page<>(items, next);
        });
    }
}
