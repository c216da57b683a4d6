package io.waymark.analytics.domain.churn;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.waymark.analytics.persistence.churn.ChurnHistories;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Keeps {@code churn_activity_day} from growing with every day the platform runs: the days older than anything
 * churn reads (serving reads {@link ChurnScoring#HISTORY_DAYS} back, training its window and 91 days before it)
 * are deleted once a day ({@code waymark.churn.cleanup-cron}), walking the table a range of pages at a time: one
 * pass over it, no index to keep up on the busy insert path. No feature changes by it; a later, longer
 * {@code training-days} finds only the history kept since.
 */
@ApplicationScoped
public class ChurnActivityRetention {

    private static final Logger LOG = Logger.getLogger(ChurnActivityRetention.class);
    /** Slack for a training or scoring that began on an earlier day than the clean-up. */
    static final int MARGIN_DAYS = 7;
    /** 8 MB of the table per statement (about 100,000 rows), so no single delete holds its locks for long. */
    private static final long PAGES_PER_STATEMENT = 1_000;

    private final ChurnHistories histories;
    private final ChurnConfig config;

    ChurnActivityRetention(ChurnHistories histories, ChurnConfig config) {
        this.histories = histories;
        this.config = config;
    }

    /** The first day kept on {@code today}: before every day a churn reader may read. */
    public static LocalDate keepFrom(LocalDate today, ChurnConfig config) {
        LocalDate serving = ChurnScoring.since(today);
        LocalDate training = ChurnTraining.Plan.of(today, config).readFrom();
        return (serving.isBefore(training) ? serving : training).minusDays(MARGIN_DAYS);
    }

    /** Deletes every active day before {@link #keepFrom}; completes with how many went. */
    public Uni<Long> cleanUp(LocalDate today) {
        return cleanUp(today, PAGES_PER_STATEMENT);
    }

    Uni<Long> cleanUp(LocalDate today, long pagesPerStatement) {
        LocalDate before = keepFrom(today, config);
        AtomicLong deleted = new AtomicLong();
        AtomicLong page = new AtomicLong();
        return histories.activityPages().flatMap(pages -> Uni.createFrom().deferred(() -> {
                    long from = page.getAndAdd(pagesPerStatement);
                    return histories.deleteDaysBefore(before, from, from + pagesPerStatement);
                })
                .invoke(deleted::addAndGet)
                .repeat().whilst(n -> page.get() < pages)
                .collect().last()
                .map(n -> deleted.get()));
    }

    @Scheduled(identity = "churn-activity-cleanup", cron = "${waymark.churn.cleanup-cron}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return cleanUp(LocalDate.now(ZoneOffset.UTC))
                .invoke(n -> LOG.infof("churn history: %d active days older than any churn reader looks at deleted", n))
                .onFailure().invoke(e -> LOG.warn("churn history clean-up failed (tomorrow's run tries again)", e))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }
}
