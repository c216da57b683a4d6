package io.waymark.customer.api;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.waymark.contracts.LifecycleStage;
import io.waymark.customer.domain.LifecycleService;
import io.waymark.customer.domain.MoveStage;
import io.waymark.customer.domain.StageTransition;
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
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/customers/{id}/stage-transitions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Lifecycle")
@SecurityRequirement(name = "SecurityScheme")
public class StageTransitionResource {

    /** A move asked for by a person. */
    public record MoveRequest(@NotNull LifecycleStage to, String reason) {
    }

    public record TransitionView(UUID id, LifecycleStage from, LifecycleStage to, OffsetDateTime at, String cause,
                                 String actor, UUID ruleId, UUID triggeringEventId, String reason,
                                 long secondsInPreviousStage) {

        static TransitionView of(StageTransition t) {
            return new TransitionView(t.id, t.from, t.to, t.at, t.cause, t.actor, t.ruleId, t.triggeringEventId,
                    t.reason, t.secondsInPrevious);
        }
    }

    private final LifecycleService lifecycle;
    private final SecurityIdentity identity;

    StageTransitionResource(LifecycleService lifecycle, SecurityIdentity identity) {
        this.lifecycle = lifecycle;
        this.identity = identity;
    }

    @POST
    @RolesAllowed({"admin", "agent"})
    @Operation(summary = "Move a customer to another lifecycle stage",
            description = "Any direction; moving back needs a reason (400 without), moving to the current stage is 409. "
                    + "Kept in the history and published as io.waymark.customer.stage-changed.v1.")
    public Uni<Response> move(@PathParam("id") UUID id,
                              @NotNull(message = "a JSON body is required") @Valid MoveRequest request, UriInfo uri) {
        String actor = identity.getPrincipal().getName();
        return lifecycle.move(id, MoveStage.manual(request.to(), request.reason(), actor))
                .map(t -> Response.created(uri.getAbsolutePathBuilder().build()).entity(TransitionView.of(t)).build());
    }

    @GET
    @RolesAllowed({"admin", "agent", "analyst"})
    @Operation(summary = "A customer's lifecycle history", description = "Oldest first, with cursor paging.")
    public Uni<Page<TransitionView>> history(@PathParam("id") UUID id, @BeanParam PageParams page) {
        return lifecycle.history(id, page.query()).map(found -> found.map(TransitionView::of));
    }
}
