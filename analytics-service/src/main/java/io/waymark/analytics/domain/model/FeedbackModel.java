package io.waymark.analytics.domain.model;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.waymark.analytics.domain.rollup.Days;
import io.waymark.analytics.domain.rollup.Delta;
import io.waymark.analytics.domain.rollup.Experience;
import io.waymark.analytics.persistence.Rollups;
import io.waymark.contracts.feedback.FeedbackResponseRecorded;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * feedback.events into the read models: each answer counted in the experience rollups of its day, for every
 * group it belongs to (with the inbox: counted once); follow-up cases open or closed, by their version.
 */
@ApplicationScoped
public class FeedbackModel {

    public static final String STAGE = "stage";
    public static final String CHANNEL = "channel";
    public static final String TOUCHPOINT = "touchpoint";
    public static final String JOURNEY = "journey";

    private final Rollups rollups;
    private final ChurnHistoryModel churn;

    FeedbackModel(Rollups rollups, ChurnHistoryModel churn) {
        this.rollups = rollups;
        this.churn = churn;
    }

    /** The group key of a touchpoint: its journey and key. */
    public static String touchpoint(UUID journeyId, String key) {
        return journeyId + ":" + key;
    }

    public Uni<Void> answers(SqlConnection tx, List<FeedbackResponseRecorded> answers) {
        Delta<Experience.Row> rows = new Delta<>(Experience.COUNTERS);
        for (FeedbackResponseRecorded r : answers) {
            String metric = r.kind() == null ? "UNKNOWN" : r.kind();
            LocalDate day = Days.of(r.recordedAt());
            Experience.Answer a = new Experience.Answer(metric, r.score(), r.normalizedScore(), r.sentiment(), r.sentimentLabel());
            Experience.add(new Experience.Row(day, metric, Experience.ALL, Experience.ALL), a, rows);
            if (r.lifecycleStage() != null) {
                Experience.add(new Experience.Row(day, metric, STAGE, r.lifecycleStage().name()), a, rows);
            }
            if (r.channel() != null) {
                Experience.add(new Experience.Row(day, metric, CHANNEL, r.channel()), a, rows);
            }
            if (r.journeyId() != null) {
                Experience.add(new Experience.Row(day, metric, JOURNEY, r.journeyId().toString()), a, rows);
                if (r.touchpointKey() != null) {
                    Experience.add(new Experience.Row(day, metric, TOUCHPOINT, touchpoint(r.journeyId(), r.touchpointKey())),
                            a, rows);
                }
            }
        }
        return rollups.experience(tx, rows).flatMap(v -> churn.answers(tx, answers));
    }

    /** A case is open or not as of {@code version} (an older version than the one kept changes nothing). */
    public Uni<Void> caseState(SqlConnection tx, UUID caseId, UUID journeyId, String touchpoint, boolean open, long version) {
        return tx.preparedQuery("""
                        insert into feedback_case (case_id, journey_id, touchpoint, open, aggregate_version)
                        values ($1, $2, $3, $4, $5)
                        on conflict (case_id) do update set open = excluded.open, aggregate_version = excluded.aggregate_version,
                               journey_id = coalesce(excluded.journey_id, feedback_case.journey_id),
                               touchpoint = coalesce(excluded.touchpoint, feedback_case.touchpoint)
                        where feedback_case.aggregate_version < excluded.aggregate_version""")
                .execute(Tuple.of(caseId, journeyId, touchpoint, open, version)).replaceWithVoid();
    }
}
