package io.waymark.analytics.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.waymark.analytics.domain.rollup.Delta;
import io.waymark.analytics.domain.rollup.Experience;
import io.waymark.analytics.domain.rollup.Funnel;
import io.waymark.analytics.domain.rollup.JourneyReach;
import io.waymark.analytics.domain.rollup.Retention;
import io.waymark.analytics.domain.rollup.Stays;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Writes the changes of the read models' rollups, one upsert per table (see {@link RollupTable}). */
@ApplicationScoped
public class Rollups {

    private static final RollupTable.Column DAY = new RollupTable.Column("day", "date", LocalDate.class);
    private static final RollupTable.Column STAGE = new RollupTable.Column("stage", "text", String.class);
    private static final RollupTable.Column BUCKET = new RollupTable.Column("bucket", "int2", Short.class);
    private static final RollupTable.Column JOURNEY = new RollupTable.Column("journey_id", "uuid", UUID.class);
    private static final RollupTable.Column TOUCHPOINT = new RollupTable.Column("touchpoint", "text", String.class);

    private final RollupTable<Funnel.StageDay> funnelDays = new RollupTable<>("funnel_daily", List.of(DAY, STAGE),
            List.of("reached", "converted"), k -> new Object[] {k.day(), k.stage()});
    private final RollupTable<Funnel.StageDayBucket> funnelTimes = new RollupTable<>("funnel_time",
            List.of(DAY, STAGE, BUCKET), List.of("customers"), k -> new Object[] {k.day(), k.stage(), (short) k.bucket()});
    private final RollupTable<Stays.Completed> completed = new RollupTable<>("stay_completed",
            List.of(DAY, STAGE, BUCKET), List.of("stays", "seconds"),
            k -> new Object[] {k.dayLeft(), k.stage(), (short) k.bucket()});
    private final RollupTable<Stays.Current> current = new RollupTable<>("stay_current", List.of(STAGE, DAY),
            List.of("customers"), k -> new Object[] {k.stage(), k.dayEntered()});
    private final RollupTable<Retention.Cell> retention = new RollupTable<>("retention_cell",
            List.of(new RollupTable.Column("period", "text", String.class),
                    new RollupTable.Column("cohort", "int4", Integer.class),
                    new RollupTable.Column("\"offset\"", "int4", Integer.class)),
            List.of("subjects"), k -> new Object[] {k.period(), k.cohort(), k.offset()});
    private final RollupTable<JourneyReach.TouchpointDay> journeyDays = new RollupTable<>("journey_touchpoint_daily",
            List.of(JOURNEY, TOUCHPOINT, DAY), List.of("reached", "went_on", "out_of_order", "skipped"),
            k -> new Object[] {k.journeyId(), k.touchpoint(), k.day()});
    private final RollupTable<JourneyReach.TouchpointDayBucket> journeyTimes = new RollupTable<>("journey_touchpoint_time",
            List.of(JOURNEY, TOUCHPOINT, DAY, BUCKET), List.of("subjects"),
            k -> new Object[] {k.journeyId(), k.touchpoint(), k.day(), (short) k.bucket()});
    private final RollupTable<Experience.Row> experience = new RollupTable<>("experience_daily",
            List.of(new RollupTable.Column("metric", "text", String.class),
                    new RollupTable.Column("dimension", "text", String.class), DAY,
                    new RollupTable.Column("key", "text", String.class)),
            List.of("responses", "scored", "score_sum", "score_squares", "promoters", "detractors", "satisfied",
                    "unhappy", "normalized_sum", "comments", "negative_comments", "sentiment_sum"),
            k -> new Object[] {k.metric(), k.dimension(), k.day(), k.key()});

    public Uni<Void> funnel(SqlConnection tx, Delta<Funnel.StageDay> days, Delta<Funnel.StageDayBucket> times) {
        return funnelDays.add(tx, days).flatMap(v -> funnelTimes.add(tx, times));
    }

    public Uni<Void> stays(SqlConnection tx, Delta<Stays.Completed> ended, Delta<Stays.Current> going) {
        return completed.add(tx, ended).flatMap(v -> current.add(tx, going));
    }

    public Uni<Void> retention(SqlConnection tx, Delta<Retention.Cell> cells) {
        return retention.add(tx, cells);
    }

    public Uni<Void> journeys(SqlConnection tx, Delta<JourneyReach.TouchpointDay> days,
                              Delta<JourneyReach.TouchpointDayBucket> times) {
        return journeyDays.add(tx, days).flatMap(v -> journeyTimes.add(tx, times));
    }

    public Uni<Void> experience(SqlConnection tx, Delta<Experience.Row> rows) {
        return experience.add(tx, rows);
    }
}
