package io.waymark.analytics.api;

import io.smallrye.mutiny.Uni;
import io.waymark.analytics.domain.insight.ExperienceAnalytics;
import io.waymark.analytics.domain.insight.ExperienceAnalytics.ExperienceView;
import io.waymark.analytics.domain.insight.LifecycleAnalytics;
import io.waymark.analytics.domain.insight.LifecycleAnalytics.DwellView;
import io.waymark.analytics.domain.insight.LifecycleAnalytics.FunnelView;
import io.waymark.analytics.domain.insight.LifecycleAnalytics.RetentionView;
import io.waymark.analytics.domain.insight.Period;
import io.waymark.analytics.domain.rollup.Retention;
import io.waymark.platform.domain.Invalid;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/analytics")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Analytics")
@SecurityRequirement(name = "SecurityScheme")
@RolesAllowed({"analyst", "admin"})
public class LifecycleResource {

    static final String PERIOD = " `from` and `to`: dates or times with an offset, counted by whole UTC days, both "
            + "included (default: the last 90 days).";

    private final LifecycleAnalytics lifecycle;
    private final ExperienceAnalytics experience;

    LifecycleResource(LifecycleAnalytics lifecycle, ExperienceAnalytics experience) {
        this.lifecycle = lifecycle;
        this.experience = experience;
    }

    static Period period(String from, String to) {
        return Period.parse(from, to, LocalDate.now(ZoneOffset.UTC));
    }

    @GET
    @Path("/funnel")
    @Operation(summary = "The lifecycle funnel", description = "Per stage in order: customers who first reached it in "
            + "the period, of those how many reached a further stage afterwards (conversion), and the median and 90th "
            + "percentile of the time that took (±10%: durations are kept in buckets). Counted per customer. `segment`: "
            + "only the members of a customer-service segment." + PERIOD)
    public Uni<FunnelView> funnel(@QueryParam("from") String from, @QueryParam("to") String to,
                                  @QueryParam("segment") String segment) {
        Optional<UUID> members = Optional.empty();
        if (segment != null && !segment.isBlank()) {
            members = Optional.of(Params.uuid("segment", segment));
        }
        return lifecycle.funnel(period(from, to), members);
    }

    @GET
    @Path("/dwell")
    @Operation(summary = "Time in stage", description = "Per stage: stays that ended in the period (count, median, "
            + "90th percentile, mean seconds) and stays still going now (by the day they began)." + PERIOD)
    public Uni<DwellView> dwell(@QueryParam("from") String from, @QueryParam("to") String to) {
        return lifecycle.dwell(period(from, to));
    }

    @GET
    @Path("/retention")
    @Operation(summary = "Cohort retention", description = "`period` week (default; Monday to Sunday, UTC) or month. "
            + "Cohorts by the period of a customer's (or visitor's) first interaction, those beginning within from..to; "
            + "for each later period up to now (at most a year on), the share of the cohort that interacted at all." + PERIOD)
    public Uni<RetentionView> retention(@QueryParam("period") String period, @QueryParam("from") String from,
                                        @QueryParam("to") String to) {
        String p = period == null || period.isBlank() ? Retention.WEEK : period.trim();
        if (!p.equals(Retention.WEEK) && !p.equals(Retention.MONTH)) {
            throw Invalid.field("period", "week or month");
        }
        return lifecycle.retention(p, period(from, to));
    }

    @GET
    @Path("/experience")
    @Operation(summary = "Experience scores", description = "`metric` nps (default), csat or ces; `by` stage (default), "
            + "channel, touchpoint (journeyId:key), journey or week. Per group: responses and the score with its 95% "
            + "confidence interval; `small` marks groups under 30 answers." + PERIOD)
    public Uni<ExperienceView> experience(@QueryParam("metric") String metric, @QueryParam("by") String by,
                                          @QueryParam("from") String from, @QueryParam("to") String to) {
        String m = metric == null || metric.isBlank() ? "nps" : metric.trim();
        String b = by == null || by.isBlank() ? "stage" : by.trim();
        if (!ExperienceAnalytics.METRICS.contains(m)) {
            throw Invalid.field("metric", "one of nps, csat, ces");
        }
        if (!ExperienceAnalytics.DIMENSIONS.containsKey(b)) {
            throw Invalid.field("by", "one of stage, channel, touchpoint, journey, week");
        }
        return experience.experience(m, b, period(from, to));
    }
}
