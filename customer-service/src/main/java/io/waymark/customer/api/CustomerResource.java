package io.waymark.customer.api;

import io.smallrye.mutiny.Uni;
import io.waymark.customer.api.CustomerDtos.CreateCustomerRequest;
import io.waymark.customer.api.CustomerDtos.CustomerView;
import io.waymark.customer.domain.CustomerService;
import io.waymark.platform.api.PageParams;
import io.waymark.platform.paging.Page;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
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

    private final CustomerService service;

    CustomerResource(CustomerService service) {
        this.service = service;
    }

    @POST
    @RolesAllowed({"admin", "agent", "ingest"})
    @Operation(summary = "Create a customer", description = "Starts at AWARENESS unless a stage is given. "
            + "Publishes io.waymark.customer.created.v1 on customer.events. 409 if the email is taken.")
    public Uni<Response> create(@NotNull(message = "a JSON body is required") @Valid CreateCustomerRequest request,
                                UriInfo uri) {
        return service.create(request.toCommand())
                .map(c -> Response.created(uri.getAbsolutePathBuilder().path(c.id.toString()).build())
                        .entity(CustomerView.of(c)).build());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({"admin", "agent", "analyst"})
    @Operation(summary = "Get one customer")
    public Uni<CustomerView> get(@PathParam("id") UUID id) {
        return service.get(id).map(CustomerView::of);
    }

    @GET
    @RolesAllowed({"admin", "agent", "analyst"})
    @Operation(summary = "List customers", description = "Oldest first; follow `next` (as ?cursor=) for the next page.")
    public Uni<Page<CustomerView>> list(@BeanParam PageParams page) {
        return service.list(page.query()).map(found -> found.map(CustomerView::of));
    }
}
