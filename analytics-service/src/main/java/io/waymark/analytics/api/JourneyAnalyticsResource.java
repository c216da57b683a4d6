package io.waymark.analytics.api;

import io.smallrye.mutiny.Uni;
import io.waymark.analytics.domain.insight.JourneyAnalytics;
import io.waymark.analytics.domain.insight.JourneyAnalytics.Need;
import io.waymark.analytics.domain.insight.JourneyViews;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.EnumSet;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/analytics/journeys/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Analytics")
@SecurityRequirement(name = "SecurityScheme")
@RolesAllowed({"analyst", "admin"})
public class JourneyAnalyticsResource {

    private static final String VERSION = " `version`: the published version whose touchpoints and order are used "
            + "(default: the latest).";

    private final JourneyAnalytics journeys;

    JourneyAnalyticsResource(JourneyAnalytics journeys) {
        this.journeys = journeys;
    }

    @GET
    @Path("/funnel")
    @Operation(summary = "The journey's touchpoint funnel", description = "Per touchpoint in the designed order: customers "
            + "who reached it in the period, who went on to a later touchpoint, drop-off, and the median time to the "
            + "next touchpoint reached." + VERSION + LifecycleResource.PERIOD)
    public Uni<JourneyViews.JourneyFunnel> funnel(@PathParam("id") UUID id, @QueryParam("version") String version,
                                                  @QueryParam("from") String from, @QueryParam("to") String to) {
        return journeys.measure(id, version(version), LifecycleResource.period(from, to), EnumSet.of(Need.TIMES))
                .map(JourneyViews::funnel);
    }

    @GET
    @Path("/pain-points")
    @Operation(summary = "Touchpoints ranked by measured pain", description = "Score 0..100 = volume × (0.35 drop-off "
            + "+ 0.25 unhappy answers + 0.15 negative comments + 0.15 time over the designed duration + 0.10 open cases); "
            + "every component (0..1) and the facts behind it are listed, with the map's own pain points beside."
            + VERSION + LifecycleResource.PERIOD)
    public Uni<JourneyViews.PainPoints> painPoints(@PathParam("id") UUID id, @QueryParam("version") String version,
                                                   @QueryParam("from") String from, @QueryParam("to") String to) {
        return journeys.measure(id, version(version), LifecycleResource.period(from, to), Need.ALL)
                .map(JourneyViews::painPoints);
    }

    @GET
    @Path("/emotion-curve")
    @Operation(summary = "Designed versus actual emotion", description = "Per touchpoint: the designed emotion (-2..2), "
            + "the actual one from answers (normalised score s as 4s - 2) and comments (sentiment c as 2c, half weight), "
            + "the gap, the sample, and how many skipped it or reached it out of the designed order."
            + VERSION + LifecycleResource.PERIOD)
    public Uni<JourneyViews.EmotionCurve> emotionCurve(@PathParam("id") UUID id, @QueryParam("version") String version,
                                                       @QueryParam("from") String from, @QueryParam("to") String to) {
        return journeys.measure(id, version(version), LifecycleResource.period(from, to), EnumSet.of(Need.ANSWERS))
                .map(JourneyViews::emotionCurve);
    }

    @GET
    @Path("/touchpoints")
    @Operation(summary = "The measured overlay of the journey picture", description = "Per touchpoint: reach relative "
            + "to the most reached, drop-off share and actual emotion (journey-service draws them on the map)."
            + VERSION + LifecycleResource.PERIOD)
    public Uni<JourneyViews.Overlay> touchpoints(@PathParam("id") UUID id, @QueryParam("version") String version,
                                                 @QueryParam("from") String from, @QueryParam("to") String to) {
        return journeys.measure(id, version(version), LifecycleResource.period(from, to), EnumSet.of(Need.ANSWERS))
                .map(JourneyViews::overlay);
    }

    private static Integer version(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return Params.positive("version", text, "a published version number (1, 2, ...)");
    }
}
