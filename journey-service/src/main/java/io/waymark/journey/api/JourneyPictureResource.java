package io.waymark.journey.api;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.smallrye.mutiny.Uni;
import io.waymark.journey.domain.picture.JourneyPictures;
import io.waymark.platform.domain.Invalid;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/journeys/{id}/map.svg")
@Tag(name = "Journey maps")
@SecurityRequirement(name = "SecurityScheme")
public class JourneyPictureResource {

    static final String SVG = "image/svg+xml";

    private final JourneyPictures pictures;
    private final Template picture;

    JourneyPictureResource(JourneyPictures pictures, @Location("journey-map.svg") Template picture) {
        this.pictures = pictures;
        this.picture = picture;
    }

    @GET
    @Produces(SVG)
    @RolesAllowed({"admin", "analyst", "designer", "agent", "ingest"})
    @Operation(summary = "The journey map as a picture (SVG)",
            description = "Stage columns over touchpoint cards, lanes for the customer's action, the designed emotion "
                    + "curve, pain points and opportunities. `version`: a published version (default: the draft). "
                    + "`overlay=actual` adds the measured emotion and each touchpoint's reach and drop-off from "
                    + "analytics, or says \"no data yet\".")
    public Uni<String> svg(@PathParam("id") UUID id, @QueryParam("version") String versionText,
                           @QueryParam("overlay") String overlay) {
        Integer version = versionText == null || versionText.isBlank() ? null : versionNumber(versionText);
        if (overlay != null && !overlay.equals("actual")) {
            throw Invalid.field("overlay", "only 'actual'");
        }
        return pictures.picture(id, Optional.ofNullable(version), overlay != null)
                .flatMap(p -> Uni.createFrom().completionStage(picture.data("p", p).renderAsync()));
    }

    private static int versionNumber(String text) {
        try {
            int n = Integer.parseInt(text.trim());
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw Invalid.field("version", "a published version number (1, 2, ...)");
    }
}
