package io.waymark.customer.api;

import io.smallrye.mutiny.Uni;
import io.waymark.contracts.LifecycleStage;
import io.waymark.customer.domain.filter.FilterSubject;
import io.waymark.customer.domain.rules.LifecycleRule;
import io.waymark.customer.domain.rules.RuleDefinition;
import io.waymark.customer.domain.rules.RuleEvent;
import io.waymark.customer.domain.rules.RuleService;
import io.waymark.platform.api.IfMatch;
import io.waymark.platform.api.PageParams;
import io.waymark.platform.paging.Page;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/lifecycle-rules")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Lifecycle rules")
@SecurityRequirement(name = "SecurityScheme")
public class LifecycleRuleResource {

    public record RuleView(UUID id, String name, String description, String trigger, String interactionType,
                           String condition, List<LifecycleStage> fromStages, LifecycleStage toStage, int priority,
                           boolean enabled, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

        static RuleView of(LifecycleRule r) {
            return new RuleView(r.id, r.name, r.description, r.trigger, r.interactionType, r.condition, r.fromStages,
                    r.toStage, r.priority, r.enabled, r.createdAt, r.updatedAt);
        }
    }

    /** A sample event: its trigger, for interactions the interaction type, and its data ({@code event.*}). */
    public record SampleEvent(@NotNull String trigger, String interactionType, Map<String, Object> data) {
    }

    public record SampleCustomer(LifecycleStage stage, Instant stageSince, Instant createdAt, Instant lastSeenAt,
                                 String email, Map<String, Object> traits, Map<String, Boolean> consents,
                                 Map<String, String> externalIds) {
    }

    public record TestRequest(UUID ruleId, RuleDefinition rule, @NotNull @Valid SampleEvent event, UUID customerId,
                              SampleCustomer customer) {
    }

    public record TestResult(boolean fires, LifecycleStage to, List<String> reasons) {
    }

    private final RuleService rules;

    LifecycleRuleResource(RuleService rules) {
        this.rules = rules;
    }

    @GET
    @RolesAllowed({"admin", "analyst"})
    @Operation(summary = "List lifecycle rules", description = "In creation order, with cursor paging.")
    public Uni<Page<RuleView>> list(@BeanParam PageParams page) {
        return rules.list(page.query()).map(found -> found.map(RuleView::of));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({"admin", "analyst"})
    @Operation(summary = "Get one lifecycle rule", description = "The ETag is the rule's version, for If-Match on a PUT.")
    public Uni<Response> get(@PathParam("id") UUID id) {
        return rules.get(id).map(r -> Response.ok(RuleView.of(r)).tag(etag(r)).build());
    }

    @POST
    @RolesAllowed("admin")
    @Operation(summary = "Create a lifecycle rule",
            description = "trigger: interaction (optionally one interactionType), feedback-response or trait-change; "
                    + "condition in the segment filter language (docs/segments.md) over event.* and the customer; "
                    + "fromStages (empty: any); toStage; priority (lower wins among rules matching one event).")
    public Uni<Response> create(@NotNull(message = "a JSON body is required") RuleDefinition definition, UriInfo uri) {
        return rules.create(definition).map(r -> Response.created(uri.getAbsolutePathBuilder().path(r.id.toString()).build())
                .tag(etag(r)).entity(RuleView.of(r)).build());
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed("admin")
    @Operation(summary = "Replace a lifecycle rule", description = "With If-Match, a stale version is 412.")
    public Uni<Response> replace(@PathParam("id") UUID id, @NotNull(message = "a JSON body is required") RuleDefinition definition,
                                 @HeaderParam("If-Match") String ifMatch) {
        return rules.replace(id, definition, IfMatch.expectedVersion(ifMatch))
                .map(r -> Response.ok(RuleView.of(r)).tag(etag(r)).build());
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed("admin")
    @Operation(summary = "Delete a lifecycle rule", description = "Moves it made stay in the customers' histories.")
    public Uni<Response> delete(@PathParam("id") UUID id) {
        return rules.delete(id).replaceWith(Response.noContent().build());
    }

    @POST
    @Path("/test")
    @RolesAllowed({"admin", "analyst"})
    @Operation(summary = "What a rule would do with a sample event and customer, and why",
            description = "Give a rule (as written for a create) or a ruleId, a sample event, and a sample customer or "
                    + "a customerId. Changes nothing.")
    public Uni<TestResult> test(@NotNull(message = "a JSON body is required") @Valid TestRequest request) {
        RuleEvent event = new RuleEvent(request.event().trigger(), request.event().interactionType(), null,
                request.event().data(), null);
        Optional<FilterSubject> sample = Optional.ofNullable(request.customer()).map(c -> new FilterSubject(
                c.stage() == null ? null : c.stage().name(), c.stageSince(), c.createdAt(), c.lastSeenAt(), c.email(),
                c.traits(), c.consents(), c.externalIds(), null));
        return rules.test(Optional.ofNullable(request.ruleId()), Optional.ofNullable(request.rule()), event,
                        Optional.ofNullable(request.customerId()), sample)
                .map(v -> new TestResult(v.fires(), v.fires() ? v.rule().toStage : null, v.reasons()));
    }

    private static EntityTag etag(LifecycleRule r) {
        return new EntityTag(Long.toString(r.version + 1));
    }
}
