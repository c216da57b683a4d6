package io.waymark.journey.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.waymark.journey.domain.interactions.Placements.PublishedMap;
import io.waymark.journey.domain.map.JourneyDocument;
import io.waymark.platform.events.EventJson;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/** The latest published version of every map that is not archived: what interactions are placed on. */
@ApplicationScoped
public class PublishedMapsQuery {

    private static final String LATEST = """
            select m.id, v.version, v.document::text from journey_map m
            join journey_version v on v.journey_id = m.id and v.version = m.latest_version
            where m.status <> 'archived'""";

    private final Pool pool;

    PublishedMapsQuery(Pool pool) {
        this.pool = pool;
    }

    public Uni<List<PublishedMap>> latestPublished() {
        return pool.query(LATEST).execute().map(rows -> {
            List<PublishedMap> maps = new ArrayList<>();
            for (Row row : rows) {
                maps.add(new PublishedMap(row.getUUID(0), row.getInteger(1), document(row.getString(2))));
            }
            return maps;
        });
    }

    /** One published version's document, if it exists. */
    public Uni<java.util.Optional<JourneyDocument>> version(java.util.UUID journeyId, int version) {
        return pool.preparedQuery("select document::text from journey_version where journey_id = $1 and version = $2")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(journeyId, version))
                .map(rows -> rows.rowCount() == 0 ? java.util.Optional.empty()
                        : java.util.Optional.of(document(rows.iterator().next().getString(0))));
    }

    static JourneyDocument document(String json) {
        try {
            return EventJson.mapper().readValue(json, JourneyDocument.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored journey version is not a map document", e);
        }
    }
}
