package io.waymark.journey.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import io.waymark.journey.domain.interactions.IngestResult;
import io.waymark.journey.domain.interactions.InteractionIngest;
import io.waymark.platform.domain.Invalid;
import io.waymark.platform.domain.Unavailable;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/interactions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Interactions")
@SecurityRequirement(name = "SecurityScheme")
public class InteractionResource {

    private static final String EXAMPLE = """
            [{"id": "0193a0c4-1a2b-7c3d-8e4f-5a6b7c8d9e0f", "customerId": "0193a0c4-0000-7000-8000-000000000001",
              "type": "checkout_started", "channel": "web", "occurredAt": "2026-11-30T09:15:00Z",
              "properties": {"cartValue": 49.9, "items": 2}},
             {"id": "0193a0c4-1a2b-7c3d-8e4f-5a6b7c8d9e10", "anonymousId": "web-4f1c2a",
              "type": "page_view", "channel": "web", "occurredAt": "2026-11-30T09:14:12Z",
              "properties": {"path": "/pricing"}}]""";

    private final InteractionIngest ingest;

    InteractionResource(InteractionIngest ingest) {
        this.ingest = ingest;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"admin", "ingest"})
    @Operation(summary = "Record interactions (one, or a batch of up to 1,000)",
            description = "Each item: `id` (your UUID, the idempotency key), exactly one of `customerId`, `anonymousId` "
                    + "or `externalId` {system, id}, `type`, `channel`, `occurredAt` (at most a day ahead; old ones are "
                    + "fine within the retention window), optional `journeyId` / `touchpointKey`, and `properties` "
                    + "(at most 50 scalar values, 4 KiB). 202 with a result per item, in order: `accepted` (durable: "
                    + "Kafka acknowledged it), `duplicate` (the id was seen before; not stored again) or `rejected` "
                    + "(with `field` and `reason`; `retryable` when sending it again later may succeed). A bad item "
                    + "never fails the others. 503 only when nothing could be made durable. Body limit: 4 MiB.")
    @APIResponse(responseCode = "202", description = "What became of each item")
    public Uni<Response> record(@RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                        examples = @ExampleObject(name = "a batch of two", value = EXAMPLE)))
                                @NotNull(message = "a JSON body is required") JsonNode body) {
        List<JsonNode> items = new ArrayList<>();
        if (body.isArray()) {
            body.forEach(items::add);
        } else if (body.isObject()) {
            items.add(body);
        } else {
            throw Invalid.field("body", "one interaction (an object) or an array of them");
        }
        return ingest.ingest(items).map(result -> {
            if (result.accepted() == 0 && result.duplicates() == 0
                    && result.results().stream().allMatch(i -> Boolean.TRUE.equals(i.retryable()))) {
                throw new Unavailable("nothing could be recorded right now (the interaction log or customer-service "
                        + "did not answer); send the request again");
            }
            return Response.accepted(result).build();
        });
    }
}
