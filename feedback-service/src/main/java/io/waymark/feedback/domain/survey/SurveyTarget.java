package io.waymark.feedback.domain.survey;

import io.waymark.contracts.LifecycleStage;
import java.util.UUID;

/** Where a survey is asked: a touchpoint of a journey map, and/or a lifecycle stage, a channel (all optional). */
public record SurveyTarget(UUID journeyId, String touchpointKey, LifecycleStage stage, String channel) {

    public static final SurveyTarget NONE = new SurveyTarget(null, null, null, null);
}
