package io.waymark.feedback.domain.cases;

import io.waymark.feedback.domain.survey.SurveyKind;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether an answer is unhappy enough for a follow-up case, and why: a detractor (NPS), low satisfaction (CSAT),
 * high effort (CES) or a negative comment; and whether it is very unhappy (a high-priority case). CUSTOM
 * surveys have no agreed scale to judge, so only their comment's sentiment counts.
 */
public record Unhappiness(List<String> reasons, boolean severe) {

    public static final String DETRACTOR = "detractor";
    public static final String LOW_CSAT = "low-csat";
    public static final String HIGH_EFFORT = "high-effort";
    public static final String NEGATIVE_COMMENT = "negative-comment";

    public boolean opensCase() {
        return !reasons.isEmpty();
    }

    public static Unhappiness of(SurveyKind kind, Integer score, Double sentiment, Thresholds unhappy,
                                 Thresholds veryUnhappy) {
        List<String> reasons = new ArrayList<>();
        boolean severe = false;
        if (score != null) {
            switch (kind) {
                case NPS -> {
                    if (score <= unhappy.npsAtMost()) {
                        reasons.add(DETRACTOR);
                    }
                    severe = score <= veryUnhappy.npsAtMost();
                }
                case CSAT -> {
                    if (score <= unhappy.csatAtMost()) {
                        reasons.add(LOW_CSAT);
                    }
                    severe = score <= veryUnhappy.csatAtMost();
                }
                case CES -> {
                    if (score >= unhappy.cesAtLeast()) {
                        reasons.add(HIGH_EFFORT);
                    }
                    severe = score >= veryUnhappy.cesAtLeast();
                }
                case CUSTOM -> {
                    // a custom rating's scale says nothing about what is unhappy
                }
            }
        }
        if (sentiment != null && sentiment <= unhappy.sentimentAtMost()) {
            reasons.add(NEGATIVE_COMMENT);
        }
        severe |= sentiment != null && sentiment <= veryUnhappy.sentimentAtMost();
        return new Unhappiness(List.copyOf(reasons), severe && !reasons.isEmpty());
    }
}
