package io.waymark.analytics.domain.churn;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.waymark.analytics.persistence.churn.ChurnHistories;
import io.waymark.analytics.persistence.churn.ChurnModels;
import io.waymark.platform.domain.Conflict;
import io.waymark.platform.domain.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Trains a model on history and evaluates it on a later, held-out period (decision 013): snapshots every
 * {@code snapshotEveryDays} over the window, the earlier ones (whose horizon ends before the held-out period
 * begins) for training, the later ones for evaluation; both sampled into bounded reservoirs while customers are
 * read a chunk at a time. The new model serves unless it ranks the held-out snapshots worse than the serving one;
 * then everyone is scored. One training at a time.
 */
@ApplicationScoped
public class ChurnTraining {

    private static final Logger LOG = Logger.getLogger(ChurnTraining.class);
    static final int MIN_CHURNERS = 10;

    private final ChurnHistories histories;
    private final ChurnModels models;
    private final ChurnServing serving;
    private final ChurnScoring scoring;
    private final ChurnPainPoints painPoints;
    private final ChurnConfig config;
    private final ChurnDefinition definition;
    private final AtomicBoolean running = new AtomicBoolean();

    ChurnTraining(ChurnHistories histories, ChurnModels models, ChurnServing serving, ChurnScoring scoring,
                  ChurnPainPoints painPoints, ChurnConfig config) {
        this.histories = histories;
        this.models = models;
        this.serving = serving;
        this.scoring = scoring;
        this.painPoints = painPoints;
        this.config = config;
        this.definition = ChurnDefinition.of(config);
    }

    /** The snapshot times of a training run ending {@code today}, and where the held-out period begins. */
    record Plan(List<Instant> times, Instant splitAt, Instant trainUntil, LocalDate readFrom) {

        static Plan of(LocalDate today, ChurnConfig config) {
            LocalDate end = today.minusDays(config.inactivityDays());
            LocalDate start = end.minusDays(config.trainingDays());
            List<Instant> times = new ArrayList<>();
            for (LocalDate d = end; !d.isBefore(start); d = d.minusDays(config.snapshotEveryDays())) {
                times.addFirst(d.atStartOfDay().toInstant(ZoneOffset.UTC));
            }
            Instant split = times.get(Math.min(times.size() - 1, (int) Math.floor(times.size() * (1 - config.heldOutShare()))));
            // a training label must be known before the held-out period begins
            Instant trainUntil = split.minus(java.time.Duration.ofDays(config.inactivityDays()));
            return new Plan(times, split, trainUntil, start.minusDays(91));
        }
    }

    /** Trains, evaluates, stores and perhaps promotes a model (then scores everyone); completes with the version. */
    public Uni<ChurnModelVersion> train() {
        if (!running.compareAndSet(false, true)) {
            return Uni.createFrom().failure(new Conflict("a churn model is being trained; try again when it is done"));
        }
        return Uni.createFrom().deferred(() -> {
                    OffsetDateTime started = Timestamps.now();
                    Plan plan = Plan.of(started.toLocalDate(), config);
                    return painPoints.of(plan)
                            .flatMap(pain -> train(plan, new ChurnSampler(plan, config, definition, pain), started));
                })
                .eventually(() -> running.set(false));
    }

    private Uni<ChurnModelVersion> train(Plan plan, ChurnSampler sampler, OffsetDateTime started) {
        return read(sampler)
                .flatMap(v -> serving.current())
                .flatMap(current -> Uni.createFrom().item(() -> fit(sampler, current, plan, started))
                        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool()))
                .flatMap(models::save)
                .flatMap(saved -> {
                    LOG.infof("churn model %d trained: held-out AUC %.3f; %s", saved.version(), saved.metrics().rocAuc(),
                            saved.reason());
                    if (!saved.promoted()) {
                        return Uni.createFrom().item(saved);
                    }
                    serving.promoted(saved);
                    return scoring.all().replaceWith(saved);
                });
    }

    /** Every customer's history into the sampler, a chunk at a time. */
    private Uni<Void> read(ChurnSampler sampler) {
        return histories.eachChunk(config.scoringChunk(), ids -> histories.of(ids, sampler.plan().readFrom())
                .flatMap(found -> Uni.createFrom().item(() -> {
                    ids.forEach(id -> sampler.add(found.get(id)));
                    return ids.size();
                }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool())));
    }

    private ChurnModelVersion fit(ChurnSampler sampler, Optional<ChurnModelVersion> current, Plan plan,
                                  OffsetDateTime started) {
        List<ChurnSample> train = sampler.train();
        List<ChurnSample> heldOut = sampler.heldOut();
        long trainChurners = train.stream().filter(ChurnSample::churned).count();
        long heldOutChurners = heldOut.stream().filter(ChurnSample::churned).count();
        if (Math.min(trainChurners, train.size() - trainChurners) < MIN_CHURNERS
                || Math.min(heldOutChurners, heldOut.size() - heldOutChurners) < MIN_CHURNERS) {
            throw new Conflict("not enough history to train on: " + train.size() + " training snapshots (" + trainChurners
                    + " churned), " + heldOut.size() + " held out (" + heldOutChurners + " churned); each needs at least "
                    + MIN_CHURNERS + " who churned and " + MIN_CHURNERS + " who stayed");
        }
        ChurnModel model = ChurnTrainer.fit(train, sampler.painPoints(), config.minFeatureSupport(), config.seed());
        ChurnMetrics metrics = evaluate(model, heldOut);
        String reason;
        boolean promote;
        if (current.isEmpty()) {
            promote = true;
            reason = "the first model";
        } else {
            double servingAuc = evaluate(current.get().model(), heldOut).rocAuc();
            promote = metrics.rocAuc() >= servingAuc - config.promotionTolerance();
            reason = String.format(java.util.Locale.ROOT, "held-out AUC %.4f against %.4f of the serving model %d: %s",
                    metrics.rocAuc(), servingAuc, current.get().version(), promote ? "not worse, promoted" : "worse, not promoted");
        }
        return new ChurnModelVersion(0, started, time(plan.times().getFirst()), time(plan.times().getLast()),
                time(plan.splitAt()), train.size(), promote, reason, metrics, model);
    }

    static ChurnMetrics evaluate(ChurnModel model, List<ChurnSample> heldOut) {
        double[] p = new double[heldOut.size()];
        boolean[] y = new boolean[heldOut.size()];
        for (int i = 0; i < p.length; i++) {
            ChurnSample s = heldOut.get(i);
            p[i] = model.probability(ChurnModel.prepare(s.asMap(), s.stage(), model.stageMedians()));
            y[i] = s.churned();
        }
        return ChurnMetrics.of(p, y);
    }

    private static OffsetDateTime time(Instant i) {
        return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }
}
