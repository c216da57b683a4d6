package io.waymark.feedback.domain.summary;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.waymark.feedback.domain.sentiment.Sentiment;
import io.waymark.feedback.domain.summary.ScoreStats.SentimentMix;
import io.waymark.feedback.domain.summary.SurveySummary.IntervalStats;
import io.waymark.feedback.domain.survey.Survey;
import io.waymark.feedback.domain.survey.SurveyService;
import io.waymark.feedback.persistence.SummaryRepository;
import io.waymark.feedback.persistence.SummaryRepository.Count;
import io.waymark.platform.domain.Invalid;
import io.waymark.platform.domain.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A survey's scores over a period, per interval: answers, NPS with its 95% interval, CSAT, CES, the score
 * distribution and the comments' sentiment. Answers of erased customers still count (they keep their numbers).
 */
@ApplicationScoped
public class SummaryService {

    public static final Duration DEFAULT_PERIOD = Duration.ofDays(90);
    static final int MAX_INTERVALS = 400;
    static final Duration MAX_PERIOD = Duration.ofDays(3660);
    /** The first instant a period may start or end at (1970-01-01, UTC). */
    static final OffsetDateTime EARLIEST = OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
    /** The first instant after the last one a period may start or end at (9999-12-31 is the last day). */
    static final OffsetDateTime LATEST = OffsetDateTime.of(10_000, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    private final SurveyService surveys;
    private final SummaryRepository counts;

    SummaryService(SurveyService surveys, SummaryRepository counts) {
        this.surveys = surveys;
        this.counts = counts;
    }

    /**
     * {@code to} defaults to now, {@code from} to 90 days before {@code to} (not before {@link #EARLIEST}). Both
     * ends lie in [{@link #EARLIEST}, {@link #LATEST}): outside it PostgreSQL's timestamps and java.time's
     * stepping by weeks fail, and no answer can be there anyway.
     */
    @WithSession
    public Uni<SurveySummary> summary(UUID surveyId, Optional<OffsetDateTime> fromParam,
                                      Optional<OffsetDateTime> toParam, Interval interval) {
        fromParam.ifPresent(at -> checkInRange("from", at));
        toParam.ifPresent(at -> checkInRange("to", at));
        OffsetDateTime to = toParam.orElseGet(Timestamps::now);
        OffsetDateTime from = fromParam.orElseGet(() -> latest(EARLIEST, to.minus(DEFAULT_PERIOD)));
        if (!from.isBefore(to)) {
            throw Invalid.field("from", "must be before to");
        }
        if (Duration.between(from, to).compareTo(MAX_PERIOD) > 0) {
            throw Invalid.field("from", "a period of at most " + MAX_PERIOD.toDays() + " days");
        }
        List<OffsetDateTime> starts = new ArrayList<>();
        for (OffsetDateTime s = interval.start(from); s.isBefore(to); s = interval.next(s)) {
            if (starts.size() == MAX_INTERVALS) {
                throw Invalid.field("interval", "at most " + MAX_INTERVALS + " intervals: choose a longer interval or a shorter period");
            }
            starts.add(s);
        }
        return surveys.get(surveyId).flatMap(survey -> counts.counts(surveyId, interval.sqlUnit(), from, to)
                .map(rows -> assemble(survey, from, to, interval, starts, rows)));
    }

    private static void checkInRange(String field, OffsetDateTime at) {
        if (at.isBefore(EARLIEST) || !at.isBefore(LATEST)) {
            throw Invalid.field(field, "a time from 1970-01-01 to 9999-12-31 (UTC)");
        }
    }

    private static OffsetDateTime earliest(OffsetDateTime a, OffsetDateTime b) {
        return a.isBefore(b) ? a : b;
    }

    private static OffsetDateTime latest(OffsetDateTime a, OffsetDateTime b) {
        return a.isAfter(b) ? a : b;
    }

    private static SurveySummary assemble(Survey survey, OffsetDateTime from, OffsetDateTime to, Interval interval,
                                          List<OffsetDateTime> starts, List<Count> rows) {
        Map<OffsetDateTime, List<Count>> byInterval = new HashMap<>();
        rows.forEach(r -> byInterval.computeIfAbsent(r.intervalStart(), k -> new ArrayList<>()).add(r));
        // the first and last intervals are cut to the period: they count only what lies in [from, to)
        List<IntervalStats> intervals = starts.stream().map(start -> new IntervalStats(latest(start, from),
                earliest(interval.next(start), to), stats(survey, byInterval.getOrDefault(start, List.of())))).toList();
        return new SurveySummary(survey.id, survey.kind, from, to, interval.sqlUnit(), stats(survey, rows), intervals);
    }

    private static ScoreStats stats(Survey survey, List<Count> rows) {
        Map<Integer, Long> byScore = new HashMap<>();
        Map<String, Long> byLabel = new HashMap<>();
        long responses = 0;
        for (Count row : rows) {
            responses += row.count();
            if (row.score() != null) {
                byScore.merge(row.score(), row.count(), Long::sum);
            }
            byLabel.merge(row.sentimentLabel() == null ? "" : row.sentimentLabel(), row.count(), Long::sum);
        }
        SentimentMix mix = new SentimentMix(byLabel.getOrDefault(Sentiment.NEGATIVE, 0L),
                byLabel.getOrDefault(Sentiment.NEUTRAL, 0L), byLabel.getOrDefault(Sentiment.POSITIVE, 0L),
                byLabel.getOrDefault("", 0L));
        return ScoreStats.of(survey.kind, responses, byScore, mix);
    }
}
