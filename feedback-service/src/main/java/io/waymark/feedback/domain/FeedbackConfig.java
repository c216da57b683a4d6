package io.waymark.feedback.domain;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.waymark.contracts.LifecycleStage;
import io.waymark.feedback.domain.cases.Thresholds;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * What feedback-service lets an operator tune ({@code waymark.feedback.*}): when an answer counts as unhappy
 * (a case) and as very unhappy (a high-priority case), the SLAs, invitation links and the root-cause list.
 */
@ConfigMapping(prefix = "waymark.feedback")
public interface FeedbackConfig {

    /** How long an invitation link can be used. */
    @WithDefault("P14D")
    Duration invitationTtl();

    /** Where customers reach the gateway: links are {@code <this>/api/public/invitations/<token>}. */
    @WithDefault("http://localhost:8080")
    String publicBaseUrl();

    /** An answer at or past these opens a case. */
    Unhappy unhappy();

    /** An answer at or past these makes the case high priority. */
    VeryUnhappy veryUnhappy();

    /** Stages whose customers' cases are high priority whatever the answer: a loyal customer unhappy is urgent. */
    @WithDefault("RETENTION,ADVOCACY")
    Set<LifecycleStage> loyalStages();

    Sla sla();

    /** The causes a resolved case may name; free text may add detail. */
    @WithDefault("product-defect,delivery-delay,billing,usability,staff,communication,other")
    List<String> rootCauses();

    /** Comments longer than this are refused (400): sentiment costs grow with length. */
    @WithDefault("2000")
    int maxCommentLength();

    interface Unhappy {
        /** NPS at or below this (detractors: 0-6). */
        @WithDefault("6")
        int npsAtMost();

        /** CSAT at or below this (1-5). */
        @WithDefault("2")
        int csatAtMost();

        /** CES at or above this (1-7, high is hard). */
        @WithDefault("5")
        int cesAtLeast();

        /** Comment sentiment at or below this (-1..1). */
        @WithDefault("-0.5")
        double sentimentAtMost();

        default Thresholds thresholds() {
            return new Thresholds(npsAtMost(), csatAtMost(), cesAtLeast(), sentimentAtMost());
        }
    }

    interface VeryUnhappy {
        @WithDefault("3")
        int npsAtMost();

        @WithDefault("1")
        int csatAtMost();

        @WithDefault("6")
        int cesAtLeast();

        @WithDefault("-0.75")
        double sentimentAtMost();

        default Thresholds thresholds() {
            return new Thresholds(npsAtMost(), csatAtMost(), cesAtLeast(), sentimentAtMost());
        }
    }

    interface Sla {
        @WithDefault("PT48H")
        Duration high();

        @WithDefault("P5D")
        Duration normal();
    }
}
