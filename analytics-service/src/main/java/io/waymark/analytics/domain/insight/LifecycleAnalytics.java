package io.waymark.analytics.domain.insight;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.waymark.analytics.domain.rollup.Days;
import io.waymark.analytics.domain.rollup.Delta;
import io.waymark.analytics.domain.rollup.Funnel;
import io.waymark.analytics.domain.rollup.Retention;
import io.waymark.analytics.domain.rollup.TimeBuckets;
import io.waymark.analytics.persistence.LifecycleStates;
import io.waymark.analytics.persistence.ReadModelQueries;
import io.waymark.analytics.persistence.ReadModelQueries.Sums;
import io.waymark.contracts.LifecycleStage;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The lifecycle funnel, time in stage and cohort retention, from the rollups. */
@ApplicationScoped
public class LifecycleAnalytics {

    public record FunnelStage(LifecycleStage stage, long reached, long converted, Double conversion,
                              Double medianSecondsToConvert, Double p90SecondsToConvert) {
    }

    public record FunnelView(LocalDate from, LocalDate to, UUID segment, Integer segmentMembers, List<FunnelStage> stages) {
    }

    /** Stays of one kind: how many, and their median, 90th percentile and mean length in seconds. */
    public record Stays(long count, Double medianSeconds, Double p90Seconds, Double meanSeconds) {
    }

    public record StageDwell(LifecycleStage stage, Stays completed, Stays current) {
    }

    public record DwellView(LocalDate from, LocalDate to, List<StageDwell> stages) {
    }

    public record PeriodShare(int offset, LocalDate start, long active, double share) {
    }

    public record Cohort(LocalDate start, long size, List<PeriodShare> periods) {
    }

    public record RetentionView(String period, LocalDate from, LocalDate to, List<Cohort> cohorts) {
    }

    /** Who is in a customer-service segment (a client of customer-service). */
    public interface SegmentMembers {
        Uni<List<UUID>> of(UUID segment);
    }

    /** How many periods after its first a cohort is followed: a year. */
    static final int MAX_WEEKS = 52;
    static final int MAX_MONTHS = 12;

    private final ReadModelQueries queries;
    private final LifecycleStates states;
    private final SegmentMembers segments;
    private final Pool pool;
    private final Clock clock;

    LifecycleAnalytics(ReadModelQueries queries, LifecycleStates states, SegmentMembers segments, Pool pool) {
        this.queries = queries;
        this.states = states;
        this.segments = segments;
        this.pool = pool;
        this.clock = Clock.systemUTC();
    }

    public Uni<FunnelView> funnel(Period period, Optional<UUID> segment) {
        if (segment.isPresent()) {
            return segmentFunnel(period, segment.get());
        }
        return Uni.combine().all().unis(queries.funnel(period.from(), period.to()), queries.funnelTimes(period.from(), period.to()))
                .with((days, times) -> new FunnelView(period.from(), period.to(), null, null, stages(days, times)));
    }

    /** The same funnel over a segment's members only, counted from their first-reach times. */
    private Uni<FunnelView> segmentFunnel(Period period, UUID segment) {
        return segments.of(segment).flatMap(members -> pool.withConnection(conn -> states.reachedOf(conn, members))
                .map(found -> {
                    Delta<Funnel.StageDay> days = new Delta<>(2);
                    Delta<Funnel.StageDayBucket> times = new Delta<>(1);
                    found.forEach(c -> Funnel.contribute(c.reachedStages(), days, times, 1));
                    List<Sums> daySums = new ArrayList<>();
                    Map<String, double[]> byStage = new HashMap<>();
                    days.forEach((k, v) -> {
                        if (!k.day().isBefore(period.from()) && !k.day().isAfter(period.to())) {
                            double[] s = byStage.computeIfAbsent(k.stage(), x -> new double[2]);
                            s[0] += v[0];
                            s[1] += v[1];
                        }
                    });
                    byStage.forEach((stage, v) -> daySums.add(new Sums(stage, null, v)));
                    Map<String, double[]> byBucket = new HashMap<>();
                    times.forEach((k, v) -> {
                        if (!k.day().isBefore(period.from()) && !k.day().isAfter(period.to())) {
                            byBucket.computeIfAbsent(k.stage() + "/" + k.bucket(), x -> new double[1])[0] += v[0];
                        }
                    });
                    List<Sums> timeSums = new ArrayList<>();
                    byBucket.forEach((key, v) -> timeSums.add(new Sums(key.substring(0, key.indexOf('/')),
                            Integer.parseInt(key.substring(key.indexOf('/') + 1)), v)));
                    return new FunnelView(period.from(), period.to(), segment, members.size(), stages(daySums, timeSums));
                }));
    }

    private static List<FunnelStage> stages(List<Sums> days, List<Sums> times) {
        List<FunnelStage> out = new ArrayList<>();
        for (LifecycleStage stage : LifecycleStage.values()) {
            double[] d = days.stream().filter(s -> s.key().equals(stage.name())).findFirst().map(Sums::values)
                    .orElse(new double[2]);
            long[] histogram = histogram(times, stage.name());
            long reached = Math.round(d[0]);
            long converted = Math.round(d[1]);
            out.add(new FunnelStage(stage, reached, converted,
                    reached == 0 ? null : share(converted, reached),
                    TimeBuckets.quantile(histogram, 0.5), TimeBuckets.quantile(histogram, 0.9)));
        }
        return out;
    }

    public Uni<DwellView> dwell(Period period) {
        return Uni.combine().all().unis(queries.completedStays(period.from(), period.to()), queries.currentStays())
                .with((completed, current) -> {
                    List<StageDwell> out = new ArrayList<>();
                    long now = clock.instant().getEpochSecond();
                    for (LifecycleStage stage : LifecycleStage.values()) {
                        long[] histogram = histogram(completed, stage.name());
                        double count = 0;
                        double seconds = 0;
                        for (Sums s : completed) {
                            if (s.key().equals(stage.name())) {
                                count += s.values()[0];
                                seconds += s.values()[1];
                            }
                        }
                        Stays done = new Stays(Math.round(count), TimeBuckets.quantile(histogram, 0.5),
                                TimeBuckets.quantile(histogram, 0.9), count == 0 ? null : Estimate.round(seconds / count));
                        out.add(new StageDwell(stage, done, current(current, stage.name(), now)));
                    }
                    return new DwellView(period.from(), period.to(), out);
                });
    }

    /** Current stays by the day they began: length until now, at a day's resolution (counted from the day's start). */
    private static Stays current(List<Sums> rows, String stage, long now) {
        List<long[]> lengths = new ArrayList<>();
        long total = 0;
        double sum = 0;
        for (Sums s : rows) {
            if (s.key().equals(stage) && s.values()[0] > 0) {
                long seconds = Math.max(0, now - LocalDate.ofEpochDay(s.bucket()).toEpochSecond(java.time.LocalTime.MIDNIGHT,
                        java.time.ZoneOffset.UTC));
                long n = Math.round(s.values()[0]);
                lengths.add(new long[] {seconds, n});
                total += n;
                sum += (double) seconds * n;
            }
        }
        if (total == 0) {
            return new Stays(0, null, null, null);
        }
        lengths.sort((a, b) -> Long.compare(a[0], b[0]));
        return new Stays(total, (double) rank(lengths, total, 0.5), (double) rank(lengths, total, 0.9),
                Estimate.round(sum / total));
    }

    private static long rank(List<long[]> sorted, long total, double q) {
        long wanted = Math.max(1, (long) Math.ceil(q * total));
        long seen = 0;
        for (long[] l : sorted) {
            seen += l[1];
            if (seen >= wanted) {
                return l[0];
            }
        }
        return sorted.get(sorted.size() - 1)[0];
    }

    public Uni<RetentionView> retention(String period, Period range) {
        boolean weeks = Retention.WEEK.equals(period);
        int first = weeks ? Days.week(range.from()) : Days.month(range.from());
        int last = weeks ? Days.week(range.to()) : Days.month(range.to());
        LocalDate today = LocalDate.now(clock);
        int current = weeks ? Days.week(today) : Days.month(today);
        return queries.retention(period, first, last).map(cells -> {
            Map<Integer, Map<Integer, Double>> byCohort = new java.util.TreeMap<>();
            cells.forEach(c -> byCohort.computeIfAbsent(Integer.parseInt(c.key()), k -> new HashMap<>())
                    .put(c.bucket(), c.values()[0]));
            List<Cohort> cohorts = new ArrayList<>();
            byCohort.forEach((cohort, offsets) -> {
                long size = Math.round(offsets.getOrDefault(0, 0.0));
                if (size <= 0) {
                    return;
                }
                List<PeriodShare> shares = new ArrayList<>();
                for (int offset = 0; cohort + offset <= current && offset <= (weeks ? MAX_WEEKS : MAX_MONTHS); offset++) {
                    long active = Math.round(offsets.getOrDefault(offset, 0.0));
                    shares.add(new PeriodShare(offset, weeks ? Days.weekStart(cohort + offset) : Days.monthStart(cohort + offset),
                            active, share(active, size)));
                }
                cohorts.add(new Cohort(weeks ? Days.weekStart(cohort) : Days.monthStart(cohort), size, shares));
            });
            return new RetentionView(period, range.from(), range.to(), cohorts);
        });
    }

    /** A share (0..1) to four decimals. */
    static double share(long part, long whole) {
        return Math.round(10000.0 * part / whole) / 10000.0;
    }

    static long[] histogram(List<Sums> rows, String key) {
        long[] histogram = new long[TimeBuckets.COUNT];
        for (Sums s : rows) {
            if (s.key().equals(key) && s.bucket() != null && s.bucket() >= 0 && s.bucket() < TimeBuckets.COUNT) {
                histogram[s.bucket()] += Math.round(s.values()[0]);
            }
        }
        return histogram;
    }
}
