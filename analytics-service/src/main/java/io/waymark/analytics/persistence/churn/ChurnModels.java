package io.waymark.analytics.persistence.churn;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import io.waymark.analytics.domain.churn.ChurnMetrics;
import io.waymark.analytics.domain.churn.ChurnModel;
import io.waymark.analytics.domain.churn.ChurnModelVersion;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** Trained models (table churn_model): every version with its metrics; at most one serves. */
@ApplicationScoped
public class ChurnModels {

    private static final String COLUMNS = """
            version, trained_at, window_from, window_to, split_at, promoted, reason, metrics::text, model::text""";

    private final Pool pool;

    ChurnModels(Pool pool) {
        this.pool = pool;
    }

    public Uni<Optional<ChurnModelVersion>> serving() {
        return one("select " + COLUMNS + " from churn_model where serving", Tuple.tuple());
    }

    public Uni<Optional<ChurnModelVersion>> get(int version) {
        return one("select " + COLUMNS + " from churn_model where version = $1", Tuple.of(version));
    }

    /**
     * Stores a trained model under the next version number; a promoted one serves from now on. Serialised with the
     * table locked, so two trainings at once cannot take one number.
     */
    public Uni<ChurnModelVersion> save(ChurnModelVersion trained) {
        return pool.withTransaction(tx -> tx.query("lock table churn_model in exclusive mode").execute()
                .flatMap(v -> tx.query("select coalesce(max(version), 0) + 1 from churn_model").execute())
                .flatMap(rows -> {
                    int version = rows.iterator().next().getInteger(0);
                    ChurnModelVersion numbered = new ChurnModelVersion(version, trained.trainedAt(), trained.windowFrom(),
                            trained.windowTo(), trained.splitAt(), trained.trainingExamples(), trained.promoted(),
                            trained.reason(), trained.metrics(), trained.model());
                    Uni<?> retire = trained.promoted()
                            ? tx.query("update churn_model set serving = false where serving").execute()
                            : Uni.createFrom().voidItem();
                    return retire.flatMap(v -> tx.preparedQuery("""
                                    insert into churn_model (version, trained_at, window_from, window_to, split_at, serving,
                                                             promoted, reason, metrics, model)
                                    values ($1, $2, $3, $4, $5, $6, $6, $7, $8::text::jsonb, $9::text::jsonb)""")
                            .execute(Tuple.from(new Object[] {version, trained.trainedAt(), trained.windowFrom(),
                                    trained.windowTo(), trained.splitAt(), trained.promoted(), trained.reason(),
                                    JsonObject.mapFrom(trained.metrics()).encode(), modelJson(numbered)})))
                            .replaceWith(numbered);
                }));
    }

    private static String modelJson(ChurnModelVersion m) {
        return JsonObject.mapFrom(m.model()).put("trainingExamples", m.trainingExamples()).encode();
    }

    private Uni<Optional<ChurnModelVersion>> one(String sql, Tuple params) {
        return pool.preparedQuery(sql).execute(params).map(rows -> {
            if (!rows.iterator().hasNext()) {
                return Optional.empty();
            }
            Row r = rows.iterator().next();
            JsonObject model = new JsonObject(r.getString(8));
            int examples = model.getInteger("trainingExamples", 0);
            model.remove("trainingExamples");
            return Optional.of(new ChurnModelVersion(r.getInteger(0), r.getOffsetDateTime(1), r.getOffsetDateTime(2),
                    r.getOffsetDateTime(3), r.getOffsetDateTime(4), examples, r.getBoolean(5), r.getString(6),
                    new JsonObject(r.getString(7)).mapTo(ChurnMetrics.class), model.mapTo(ChurnModel.class)));
        });
    }
}
