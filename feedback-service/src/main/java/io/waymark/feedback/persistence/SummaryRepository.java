package io.waymark.feedback.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * The counting behind a survey's summary, done by PostgreSQL: answers per interval, score and sentiment label
 * (a few dozen rows per interval, however many answers), through the (survey_id, recorded_at) index.
 */
@ApplicationScoped
public class SummaryRepository {

    /** How many answers of one interval had this score (null: none) and this sentiment label (null: no comment). */
    public record Count(OffsetDateTime intervalStart, Integer score, String sentimentLabel, long count) {
    }

    public Uni<List<Count>> counts(UUID surveyId, String unit, OffsetDateTime from, OffsetDateTime to) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery("select "
                        + "cast(extract(epoch from date_trunc(cast(:unit as text), recorded_at, 'UTC')) as bigint), "
                        + "score, sentiment_label, count(*) from survey_response "
                        + "where survey_id = :survey and recorded_at >= :from and recorded_at < :to "
                        + "group by 1, 2, 3", Object[].class)
                .setParameter("unit", unit).setParameter("survey", surveyId)
                .setParameter("from", from).setParameter("to", to)
                .getResultList())
                .map(rows -> rows.stream().map(r -> new Count(
                        Instant.ofEpochSecond(((Number) r[0]).longValue()).atOffset(ZoneOffset.UTC),
                        r[1] == null ? null : ((Number) r[1]).intValue(), (String) r[2], ((Number) r[3]).longValue()))
                        .toList());
    }
}
