package io.waymark.feedback.domain.summary;

import io.waymark.feedback.domain.survey.SurveyKind;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A survey's numbers over [from, to): all of them, and per interval (empty intervals included, in order). */
public record SurveySummary(UUID surveyId, SurveyKind kind, OffsetDateTime from, OffsetDateTime to, String interval,
                            ScoreStats overall, List<IntervalStats> intervals) {

    public record IntervalStats(OffsetDateTime start, OffsetDateTime end, ScoreStats stats) {
    }
}
