package io.waymark.analytics.domain.churn;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.waymark.platform.domain.Conflict;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Training on a schedule (then everyone is scored when the new model serves), and scoring everyone in between,
 * since recency changes by the day. Off in tests ({@code waymark.churn.train-cron=off}); a run that finds too
 * little history or another training under way only logs.
 */
@ApplicationScoped
public class ChurnSchedule {

    private static final Logger LOG = Logger.getLogger(ChurnSchedule.class);

    private final ChurnTraining training;
    private final ChurnScoring scoring;

    ChurnSchedule(ChurnTraining training, ChurnScoring scoring) {
        this.training = training;
        this.scoring = scoring;
    }

    @Scheduled(identity = "churn-training", cron = "${waymark.churn.train-cron}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> train() {
        return training.train().replaceWithVoid().onFailure(Conflict.class).recoverWithItem(e -> {
            LOG.infof("scheduled churn training skipped: %s", e.getMessage());
            return null;
        });
    }

    @Scheduled(identity = "churn-scoring", cron = "${waymark.churn.score-cron}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> score() {
        return scoring.all().invoke(n -> LOG.infof("churn risk scored for %d customers", n)).replaceWithVoid()
                .onFailure(Conflict.class).recoverWithItem(e -> null);
    }
}
