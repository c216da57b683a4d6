package io.waymark.analytics.api;

import io.smallrye.mutiny.Uni;
import io.waymark.analytics.domain.churn.ChurnRanking;
import io.waymark.analytics.domain.churn.ChurnRisk;
import io.waymark.analytics.domain.churn.ChurnServing;
import io.waymark.analytics.domain.churn.ChurnScoring;
import io.waymark.analytics.domain.churn.ChurnTraining;
import io.waymark.platform.domain.Invalid;
import io.waymark.platform.domain.NotFound;
import io.waymark.platform.paging.Page;
import io.waymark.platform.paging.PageQuery;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/analytics")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Analytics")
@SecurityRequirement(name = "SecurityScheme")
public class ChurnResource {

    private final ChurnTraining training;
    private final ChurnScoring scoring;
    private final ChurnRanking ranking;
    private final ChurnServing serving;

    ChurnResource(ChurnTraining training, ChurnScoring scoring, ChurnRanking ranking, ChurnServing serving) {
        this.training = training;
        this.scoring = scoring;
        this.ranking = ranking;
        this.serving = serving;
    }

    @POST
    @Path("/churn-model/train")
    @RolesAllowed("admin")
    @Operation(summary = "Train a churn model now", description = "Trains on snapshots of the history (time-based split, "
            + "evaluated on the later, held-out period), stores the version with its metrics, makes it serve unless its "
            + "held-out ROC AUC is worse than the serving model's on the same snapshots, and then scores every customer. "
            + "409 while another training runs or when the history holds too few churners.")
    public Uni<ChurnModelView> train() {
        return training.train().map(ChurnModelView::of);
    }

    /** What a scoring of everyone did. */
    public record Scored(long customers, double seconds) {
    }

    @POST
    @Path("/churn-risk/score")
    @RolesAllowed("admin")
    @Operation(summary = "Score every customer now", description = "Scores every customer with the serving model (as "
            + "after each training and hourly), stores the ranked list and publishes analytics.churn-risk-changed.v1 for "
            + "each band that changed. 409 before a model was trained.")
    public Uni<Scored> scoreAll() {
        long started = System.nanoTime();
        return scoring.all().map(n -> new Scored(n, (System.nanoTime() - started) / 1e9));
    }

    @GET
    @Path("/churn-model")
    @RolesAllowed({"analyst", "admin"})
    @Operation(summary = "The serving churn model", description = "Version, training window, held-out metrics (ROC AUC, "
            + "precision at the top 10%, calibration by decile), the feature weights, largest first, and the touchpoints "
            + "it counts as pain points (journeyId:key, from the pain-point ranking when it was trained). `version`: "
            + "another stored version (promoted or not).")
    public Uni<ChurnModelView> model(@QueryParam("version") String version) {
        if (version == null || version.isBlank()) {
            return serving.current().map(m -> ChurnModelView.of(m.orElseThrow(() -> new NotFound("churn model",
                    "(none serves yet: POST /api/analytics/churn-model/train)"))));
        }
        int v = Params.positive("version", version);
        return serving.version(v).map(m -> ChurnModelView.of(m.orElseThrow(() -> new NotFound("churn model version", v))));
    }

    @GET
    @Path("/customers/{id}/churn-risk")
    @RolesAllowed({"analyst", "admin"})
    @Operation(summary = "A customer's churn risk now", description = "Probability of churning within the horizon, band "
            + "(low below 0.3, medium below 0.6, high from 0.6; waymark.churn.*), the top factors with their signed "
            + "contributions (log-odds against an average customer) in plain words, the model version and the time it is "
            + "as of. 404 for a customer analytics does not know; 409 before a model was trained.")
    public Uni<ChurnRisk> risk(@PathParam("id") String id) {
        return scoring.one(Params.uuid("id", id));
    }

    @GET
    @Path("/churn-risk")
    @RolesAllowed({"analyst", "admin"})
    @Operation(summary = "Customers ranked by churn risk", description = "Customers who have not churned yet, riskiest "
            + "first, from the last scoring of everyone (after each training and hourly). `band`: low, medium or high; "
            + "`segment`: a customer-service segment's id; cursor paging (`limit` 1–200, default 50).")
    public Uni<Page<ChurnRanking.Ranked>> ranked(@QueryParam("band") String band, @QueryParam("segment") String segment,
                                                 @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        int size = PageQuery.parse(limit, null).limit();
        ChurnRanking.After after = decode(cursor);
        Optional<String> b = Optional.ofNullable(band).map(String::trim).filter(s -> !s.isEmpty());
        if (b.isPresent() && !ChurnRisk.BANDS.contains(b.get())) {
            throw Invalid.field("band", "one of low, medium, high");
        }
        Optional<UUID> s = Optional.ofNullable(segment).filter(x -> !x.isBlank()).map(x -> Params.uuid("segment", x));
        return ranking.page(b, s, after, size).map(rows -> {
            if (rows.size() <= size) {
                return new Page<>(rows, null);
            }
            List<ChurnRanking.Ranked> items = List.copyOf(rows.subList(0, size));
            ChurnRanking.Ranked last = items.getLast();
            return new Page<>(items, encode(last.probability(), last.customerId()));
        });
    }

    static String encode(double probability, UUID id) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("r:" + Double.doubleToLongBits(probability) + ":" + id)
                .getBytes(StandardCharsets.UTF_8));
    }

    static ChurnRanking.After decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor.trim()), StandardCharsets.UTF_8).split(":", 3);
            if (parts.length != 3 || !parts[0].equals("r")) {
                throw new IllegalArgumentException();
            }
            return new ChurnRanking.After(Double.longBitsToDouble(Long.parseLong(parts[1])), UUID.fromString(parts[2]));
        } catch (IllegalArgumentException e) {
            throw Invalid.field("cursor", "is not a cursor this API handed out");
        }
    }
}
