package io.waymark.journey.api;

import io.smallrye.mutiny.Uni;
import io.waymark.journey.domain.interactions.TimelineService;
import io.waymark.journey.domain.interactions.TimelineService.NamedPlacement;
import io.waymark.platform.api.PageParams;
import io.waymark.platform.paging.Page;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/customers/{id}/timeline")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Interactions")
@SecurityRequirement(name = "SecurityScheme")
public class TimelineResource {

    /** One interaction as the timeline shows it: what, where, when, and where it lies on the journey maps. */
    public record TimelineItem(UUID id, String type, String channel, OffsetDateTime occurredAt,
                               Map<String, Object> properties, List<NamedPlacement> placements) {

        static TimelineItem of(TimelineService.Entry e) {
            var i = e.interaction();
            return new TimelineItem(i.id(), i.type(), i.channel(), i.occurredAt(), i.properties(), e.placements());
        }
    }

    private final TimelineService timelines;

    TimelineResource(TimelineService timelines) {
        this.timelines = timelines;
    }

    @GET
    @RolesAllowed({"admin", "agent", "analyst"})
    @Operation(summary = "A customer's interactions, newest first",
            description = "With the journey, stage and touchpoint names of their placements. Interactions recorded "
                    + "before the customer was identified (anonymous id) or under a customer merged into this one are "
                    + "included. Cursor paging (`limit` 1-200, default 50). 301 for a customer merged into another, "
                    + "410 for an erased one.")
    public Uni<Page<TimelineItem>> timeline(@PathParam("id") UUID id, @BeanParam PageParams page) {
        return timelines.timeline(id, page.newestFirst()).map(p -> p.map(TimelineItem::of));
    }
}
