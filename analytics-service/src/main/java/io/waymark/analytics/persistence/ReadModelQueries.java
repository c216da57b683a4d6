package io.waymark.analytics.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What the analytics endpoints read: sums of rollup rows over a range of days, grouped as each answer needs.
 * Every query reads rows by their key's leading columns; none reads events.
 */
@ApplicationScoped
public class ReadModelQueries {

    /** A group and its summed counters, in the order the query names them. */
    public record Sums(String key, Integer bucket, double[] values) {
    }

    private static final String EXPERIENCE_SUMS = "sum(responses), sum(scored), sum(score_sum), sum(score_squares), "
            + "sum(promoters), sum(detractors), sum(satisfied), sum(unhappy), sum(normalized_sum), sum(comments), "
            + "sum(negative_comments), sum(sentiment_sum)";

    private final Pool pool;

    ReadModelQueries(Pool pool) {
        this.pool = pool;
    }

    public Uni<List<Sums>> funnel(LocalDate from, LocalDate to) {
        return sums("select stage, null::int, sum(reached), sum(converted) from funnel_daily "
                + "where day between $1 and $2 group by stage", Tuple.of(from, to), 2);
    }

    public Uni<List<Sums>> funnelTimes(LocalDate from, LocalDate to) {
        return sums("select stage, bucket::int, sum(customers) from funnel_time where day between $1 and $2 "
                + "group by stage, bucket", Tuple.of(from, to), 1);
    }

    public Uni<List<Sums>> completedStays(LocalDate from, LocalDate to) {
        return sums("select stage, bucket::int, sum(stays), sum(seconds) from stay_completed where day between $1 and $2 "
                + "group by stage, bucket", Tuple.of(from, to), 2);
    }

    /** Stays still going: per stage, the day they began (as epoch day in the bucket field) and how many. */
    public Uni<List<Sums>> currentStays() {
        return sums("select stage, (day - date '1970-01-01')::int, customers from stay_current where customers <> 0",
                Tuple.tuple(), 1);
    }

    /** Retention cells of cohorts {@code fromCohort..toCohort}: key = cohort, bucket = offset. */
    public Uni<List<Sums>> retention(String period, int fromCohort, int toCohort) {
        return sums("select cohort::text, \"offset\", subjects from retention_cell where period = $1 "
                + "and cohort between $2 and $3", Tuple.of(period, fromCohort, toCohort), 1);
    }

    /** Experience sums per key of a dimension (per week when {@code byWeek}, of dimension "all"). */
    public Uni<List<Sums>> experience(String metric, String dimension, boolean byWeek, LocalDate from, LocalDate to) {
        String key = byWeek ? "date_trunc('week', day)::date::text" : "key";
        return sums("select " + key + ", null::int, " + EXPERIENCE_SUMS + " from experience_daily "
                + "where metric = $1 and dimension = $2 and day between $3 and $4 group by 1",
                Tuple.of(metric, byWeek ? "all" : dimension, from, to), 12);
    }

    /** Experience sums of these touchpoints of a journey, all metrics together: key = touchpoint key. */
    public Uni<List<Sums>> touchpointExperience(UUID journeyId, List<String> touchpoints, LocalDate from, LocalDate to) {
        return sums("select substr(key, 38), null::int, " + EXPERIENCE_SUMS + " from experience_daily "
                + "where dimension = 'touchpoint' and key = any($1) and day between $2 and $3 "
                + "and metric in ('NPS', 'CSAT', 'CES', 'CUSTOM') group by 1",
                Tuple.of(touchpoints.stream().map(t -> journeyId + ":" + t).toArray(String[]::new), from, to), 12);
    }

    public Uni<List<Sums>> touchpoints(UUID journeyId, LocalDate from, LocalDate to) {
        return sums("select touchpoint, null::int, sum(reached), sum(went_on), sum(out_of_order), sum(skipped) "
                + "from journey_touchpoint_daily where journey_id = $1 and day between $2 and $3 group by touchpoint",
                Tuple.of(journeyId, from, to), 4);
    }

    public Uni<List<Sums>> touchpointTimes(UUID journeyId, LocalDate from, LocalDate to) {
        return sums("select touchpoint, bucket::int, sum(subjects) from journey_touchpoint_time "
                + "where journey_id = $1 and day between $2 and $3 group by touchpoint, bucket",
                Tuple.of(journeyId, from, to), 1);
    }

    public Uni<List<Sums>> openCases(UUID journeyId) {
        return sums("select touchpoint, null::int, count(*) from feedback_case where journey_id = $1 and open "
                + "group by touchpoint", Tuple.of(journeyId), 1);
    }

    private Uni<List<Sums>> sums(String sql, Tuple params, int values) {
        return pool.preparedQuery(sql).execute(params).map(rows -> {
            List<Sums> out = new ArrayList<>();
            for (Row row : rows) {
                double[] v = new double[values];
                for (int i = 0; i < values; i++) {
                    Number n = (Number) row.getValue(2 + i);
                    v[i] = n == null ? 0 : n.doubleValue();
                }
                out.add(new Sums(row.getString(0), row.getInteger(1), v));
            }
            return out;
        });
    }
}
