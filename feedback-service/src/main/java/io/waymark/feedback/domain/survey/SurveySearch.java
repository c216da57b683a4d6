package io.waymark.feedback.domain.survey;

import io.waymark.platform.paging.PageQuery;
import java.util.Optional;
import java.util.UUID;

/** Filters of the survey list; each empty one filters nothing. */
public record SurveySearch(Optional<String> status, Optional<SurveyKind> kind, Optional<String> team,
                           Optional<UUID> journeyId, Optional<String> touchpointKey, PageQuery page) {
}
