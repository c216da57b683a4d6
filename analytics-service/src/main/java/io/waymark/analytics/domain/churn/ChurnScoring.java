package io.waymark.analytics.domain.churn;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.waymark.analytics.persistence.ErasedSubjects;
import io.waymark.analytics.persistence.churn.ChurnHistories;
import io.waymark.analytics.persistence.churn.ChurnScores;
import io.waymark.contracts.Topics;
import io.waymark.contracts.analytics.ChurnRiskChanged;
import io.waymark.platform.domain.Conflict;
import io.waymark.platform.domain.NotFound;
import io.waymark.platform.domain.Timestamps;
import io.waymark.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Scores with the serving model: one customer on demand (fresh, as of now), and every customer in chunks (the
 * ranked list): each chunk's histories read in six queries, scored on a worker thread, written in one transaction
 * with an {@code analytics.churn-risk-changed.v1} event in the outbox for each customer whose band changed.
 */
@ApplicationScoped
public class ChurnScoring {

    static final int TOP_FACTORS = 5;
    /** Silence is told up to a year (older days change no feature but the days since the last interaction). */
    static final int HISTORY_DAYS = 366;

    private final ChurnHistories histories;
    private final ChurnScores scores;
    private final ChurnServing serving;
    private final ErasedSubjects erased;
    private final Outbox outbox;
    private final Pool pool;
    private final ChurnConfig config;
    private final ChurnDefinition definition;

    ChurnScoring(ChurnHistories histories, ChurnScores scores, ChurnServing serving, ErasedSubjects erased, Outbox outbox,
                 Pool pool, ChurnConfig config) {
        this.histories = histories;
        this.scores = scores;
        this.serving = serving;
        this.erased = erased;
        this.outbox = outbox;
        this.pool = pool;
        this.config = config;
        this.definition = ChurnDefinition.of(config);
    }

    public String band(double probability) {
        return probability >= config.highFrom() ? ChurnRisk.HIGH
                : probability >= config.mediumFrom() ? ChurnRisk.MEDIUM : ChurnRisk.LOW;
    }

    /** One customer's risk now, with its factors; nothing is stored or published. */
    public Uni<ChurnRisk> one(UUID customerId) {
        return model().flatMap(m -> serving.names().flatMap(names -> histories.of(List.of(customerId), since())
                .map(found -> {
                    CustomerHistory h = found.get(customerId);
                    if (h.moves().isEmpty() && h.days().isEmpty() && h.answers().isEmpty()) {
                        throw new NotFound("customer", customerId);
                    }
                    return risk(m, h, Timestamps.now().toInstant(), names);
                })));
    }

    /** Scores every customer with the serving model; completes with how many were scored. */
    public Uni<Long> all() {
        return model().flatMap(m -> serving.names().flatMap(names -> chunks(m, names, Timestamps.now().toInstant())));
    }

    private Uni<Long> chunks(ChurnModelVersion m, TouchpointNames names, Instant now) {
        AtomicLong done = new AtomicLong();
        return histories.eachChunk(config.scoringChunk(), ids -> chunk(m, names, ids, now).invoke(done::addAndGet))
                .map(v -> done.get());
    }

    private Uni<Integer> chunk(ChurnModelVersion m, TouchpointNames names, List<UUID> ids, Instant now) {
        return histories.of(ids, since())
                .flatMap(found -> Uni.createFrom().item(() -> ids.stream().map(found::get)
                                .map(h -> risk(m, h, now, names)).filter(ChurnRisk::customer).toList())
                        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool()))
                .flatMap(risks -> risks.isEmpty() ? Uni.createFrom().item(0) : store(risks));
    }

    /** Writes the chunk's scores; a band that changed (or a first band above low) is published once. */
    private Uni<Integer> store(List<ChurnRisk> risks) {
        List<UUID> ids = risks.stream().map(ChurnRisk::customerId).toList();
        return pool.withTransaction(tx -> scores.lock(tx, ids)
                .flatMap(stored -> erased.among(tx, ids.stream().map(UUID::toString).toList()).flatMap(gone -> {
                    List<ChurnScores.Stored> rows = new ArrayList<>(risks.size());
                    List<Outbox.Pending> events = new ArrayList<>();
                    for (ChurnRisk r : risks) {
                        if (gone.contains(r.customerId().toString())) {
                            continue;
                        }
                        ChurnScores.Stored before = stored.get(r.customerId());
                        String previous = before == null ? null : before.band();
                        long version = before == null ? 0 : before.bandVersion();
                        boolean changed = previous == null ? !r.band().equals(ChurnRisk.LOW) : !previous.equals(r.band());
                        if (changed) {
                            version++;
                            events.add(new Outbox.Pending(Topics.ANALYTICS_EVENTS, ChurnRiskChanged.TYPE, r.customerId(),
                                    version, new ChurnRiskChanged(r.customerId(), previous, r.band(), r.probability(),
                                            r.modelVersion(), raising(r), r.asOf())));
                        }
                        rows.add(new ChurnScores.Stored(r.customerId(), r.probability(), r.band(), version, r.churned(),
                                r.modelVersion(), r.asOf(), factorsJson(r)));
                    }
                    return scores.save(tx, rows).flatMap(v -> outbox.recordAll(tx, events)).replaceWith(rows.size());
                })));
    }

    ChurnRisk risk(ChurnModelVersion m, CustomerHistory h, Instant at, TouchpointNames names) {
        ChurnFeatures.Snapshot s = ChurnFeatures.asOf(h, at, definition, m.model().painPoints());
        ChurnModel.Score score = m.model().score(s);
        List<ChurnRisk.Factor> factors = score.contributions().stream().limit(TOP_FACTORS)
                .map(c -> new ChurnRisk.Factor(c.feature(), c.contribution(),
                        ChurnExplanations.words(c.feature(), c.value(), s, names)))
                .toList();
        return new ChurnRisk(h.customerId(), score.probability(), band(score.probability()), s.customer(), s.churned(),
                m.version(), OffsetDateTime.ofInstant(at, ZoneOffset.UTC), factors);
    }

    /** The features that raised the risk most, by name. */
    static List<String> raising(ChurnRisk r) {
        return r.factors().stream().filter(f -> f.contribution() > 0).limit(3).map(ChurnRisk.Factor::feature).toList();
    }

    private static String factorsJson(ChurnRisk r) {
        return new JsonArray(r.factors().stream().map(f -> new JsonObject().put("feature", f.feature())
                .put("contribution", f.contribution()).put("words", f.words())).collect(Collectors.toList())).encode();
    }

    private Uni<ChurnModelVersion> model() {
        return serving.current().map(m -> m.orElseThrow(() -> new Conflict(
                "no churn model has been trained yet: POST /api/analytics/churn-model/train")));
    }

    private static LocalDate since() {
        return since(LocalDate.now(ZoneOffset.UTC));
    }

    /** The first active day scoring reads on {@code today}. */
    static LocalDate since(LocalDate today) {
        return today.minusDays(HISTORY_DAYS);
    }
}
