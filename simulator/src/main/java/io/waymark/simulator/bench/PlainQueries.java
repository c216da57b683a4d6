package io.waymark.simulator.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * The answers of the analytics endpoints computed the plain way, by SQL over the raw rows of {@link RawSink}
 * on the same database: what the read models save. Each returns how many result rows it produced.
 */
final class PlainQueries {

    private static final String FIRSTS_AND_NEXT = """
            pairs as (
              select f.rank, f.at, min(g.at) filter (where g.rank > f.rank and g.at >= f.at) as next_at
              from firsts f join firsts g using (who) where f.at >= ? and f.at < ? group by f.who, f.rank, f.at)
            select rank, count(*), count(next_at),
                   percentile_cont(0.5) within group (order by extract(epoch from next_at - at)),
                   percentile_cont(0.9) within group (order by extract(epoch from next_at - at))
            from pairs group by rank order by rank""";

    static final String FUNNEL = "with firsts as (select customer as who, to_rank as rank, min(at) as at "
            + "from bench_raw.stage_change group by customer, to_rank),\n" + FIRSTS_AND_NEXT;

    static final String DWELL_COMPLETED = """
            select from_rank, count(*), percentile_cont(0.5) within group (order by seconds_in_previous),
                   percentile_cont(0.9) within group (order by seconds_in_previous), avg(seconds_in_previous)
            from bench_raw.stage_change where from_rank is not null and at >= ? and at < ? group by from_rank""";
    static final String DWELL_CURRENT = """
            select to_rank, count(*), percentile_cont(0.5) within group (order by extract(epoch from now() - at))
            from (select distinct on (customer) to_rank, at from bench_raw.stage_change order by customer, at desc) c
            group by to_rank""";

    static final String RETENTION = """
            with w as (select distinct subject, ((occurred_at at time zone 'UTC')::date - date '1970-01-01' + 3) / 7 as week
                       from bench_raw.interaction),
                 c as (select subject, min(week) as cohort from w group by subject)
            select c.cohort, w.week - c.cohort, count(*) from w join c using (subject)
            where c.cohort between ? and ? group by 1, 2 order by 1, 2""";

    static final String NPS_BY_STAGE = """
            select stage, count(*), count(*) filter (where score >= 9), count(*) filter (where score <= 6)
            from bench_raw.response where kind = 'NPS' and recorded_at >= ? and recorded_at < ? group by stage""";

    static final String JOURNEY_FUNNEL = "with firsts as (select subject as who, touchpoint_rank as rank, "
            + "min(occurred_at) as at from bench_raw.interaction where journey_id = ? group by subject, touchpoint_rank),\n"
            + FIRSTS_AND_NEXT;

    static final String TOUCHPOINT_ANSWERS = """
            select touchpoint_rank, count(*),
                   count(*) filter (where (kind = 'NPS' and score <= 6) or (kind = 'CSAT' and score <= 2)
                                       or (kind = 'CES' and score >= 5)),
                   count(sentiment), count(*) filter (where label = 'negative'), avg(normalized), avg(sentiment)
            from bench_raw.response where journey_id = ? and recorded_at >= ? and recorded_at < ?
            group by touchpoint_rank""";

    private final Connection db;
    private final Timestamp from;
    private final Timestamp until;
    private final int firstWeek;
    private final int lastWeek;

    /** The endpoints' default period: the 90 days up to {@code today}, both included. */
    PlainQueries(Connection db, LocalDate today) {
        this.db = db;
        LocalDate first = today.minusDays(89);
        this.from = Timestamp.from(first.atStartOfDay(ZoneOffset.UTC).toInstant());
        this.until = Timestamp.from(today.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        this.firstWeek = (int) Math.floorDiv(first.toEpochDay() + 3, 7);
        this.lastWeek = (int) Math.floorDiv(today.toEpochDay() + 3, 7);
    }

    int funnel() throws SQLException {
        return rows(FUNNEL, from, until);
    }

    int dwell() throws SQLException {
        return rows(DWELL_COMPLETED, from, until) + rows(DWELL_CURRENT);
    }

    int retention() throws SQLException {
        return rows(RETENTION, firstWeek, lastWeek);
    }

    int experience() throws SQLException {
        return rows(NPS_BY_STAGE, from, until);
    }

    int journeyFunnel(UUID journey) throws SQLException {
        return rows(JOURNEY_FUNNEL, journey, from, until);
    }

    /** Pain points and the emotion curve need the journey funnel and the answers per touchpoint. */
    int journeyWithAnswers(UUID journey) throws SQLException {
        return journeyFunnel(journey) + rows(TOUCHPOINT_ANSWERS, journey, from, until);
    }

    private int rows(String sql, Object... params) throws SQLException {
        try (PreparedStatement st = db.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                st.setObject(i + 1, params[i]);
            }
            int n = 0;
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    n++;
                }
            }
            return n;
        }
    }
}
