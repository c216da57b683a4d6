package io.waymark.analytics.domain.churn;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;

/** What churn means and how the model is trained and served ({@code waymark.churn.*}; decision 013). */
@ConfigMapping(prefix = "waymark.churn")
public interface ChurnConfig {

    /** A customer who has reached this stage (or a later one) counts as a customer who can churn. */
    @WithDefault("PURCHASE")
    String customerFromStage();

    /** Days without any interaction after which such a customer has churned; also the label horizon. */
    @WithDefault("60")
    int inactivityDays();

    /** Interaction types that mark a customer explicitly lost. */
    @WithDefault("subscription_cancelled,account_closed")
    List<String> lostInteractionTypes();

    /** How far back training takes snapshots (their labels must be complete, so it ends inactivityDays ago). */
    @WithDefault("365")
    int trainingDays();

    /** Days between two snapshots of one customer. */
    @WithDefault("14")
    int snapshotEveryDays();

    /** The later share of snapshot times held out for evaluation. */
    @WithDefault("0.25")
    double heldOutShare();

    /** Snapshots kept for training and for evaluation at most (reservoir samples: bounded memory). */
    @WithDefault("40000")
    int maxTrainingSnapshots();

    @WithDefault("20000")
    int maxHeldOutSnapshots();

    /** A touchpoint or channel becomes a feature when at least this many training snapshots have it. */
    @WithDefault("20")
    int minFeatureSupport();

    /**
     * Pain points the model counts ({@code pain_points_90}): per published journey, at most this many of the first
     * in its pain-point ranking over the training period, each with at least {@link #painPointMinScore()}.
     */
    @WithDefault("3")
    int painPointsPerJourney();

    /** The pain-point score (0..100, decision 012) from which a ranked touchpoint counts as a pain point. */
    @WithDefault("30")
    double painPointMinScore();

    /** A new model serves unless its held-out ROC AUC is lower than the serving model's on the same data by more. */
    @WithDefault("0.005")
    double promotionTolerance();

    /** Probability from which the band is medium, and high. */
    @WithDefault("0.3")
    double mediumFrom();

    @WithDefault("0.6")
    double highFrom();

    /** Customers read, scored and written per transaction by the bulk scoring. */
    @WithDefault("5000")
    int scoringChunk();

    /** Training (then scoring everyone) on a schedule; "off" disables it. */
    @WithDefault("0 30 3 * * ?")
    String trainCron();

    /** Scoring everyone with the serving model (recency changes every day); "off" disables it. */
    @WithDefault("0 0 * * * ?")
    String scoreCron();

    /** Deleting the active days no churn reader looks at any more (ChurnActivityRetention); "off" disables it. */
    @WithDefault("0 0 4 * * ?")
    String cleanupCron();

    @WithDefault("42")
    long seed();
}
