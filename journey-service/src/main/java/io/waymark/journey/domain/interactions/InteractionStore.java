package io.waymark.journey.domain.interactions;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.waymark.contracts.journey.InteractionRecorded;
import io.waymark.journey.persistence.InteractionPartitions;
import io.waymark.journey.persistence.InteractionRepository;
import io.waymark.journey.persistence.InteractionRepository.NewInteraction;
import io.waymark.platform.messaging.ReceivedEvent;
import io.waymark.platform.domain.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Stores interactions read from the log, in bulk: each id once, in its month's partition (created when an
 * import reaches a month not made yet). An interaction older than retention is not stored (its month is
 * gone, or about to go). A large poll is written by {@code waymark.interactions.store-writers} transactions
 * at once (the batch's own and others): storing is idempotent by id, so a part committed before a failure is
 * simply found again when the poll is redelivered, and PostgreSQL's work for one poll runs on several cores.
 */
@ApplicationScoped
public class InteractionStore {

    private static final Logger LOG = Logger.getLogger(InteractionStore.class);
    private static final int MIN_ROWS_PER_WRITER = 500;

    private final InteractionRepository interactions;
    private final InteractionPartitions partitions;
    private final InteractionsConfig config;

    InteractionStore(InteractionRepository interactions, InteractionPartitions partitions, InteractionsConfig config) {
        this.interactions = interactions;
        this.partitions = partitions;
        this.config = config;
    }

    /** Stores what is new among the events read from the log; how many were written. */
    public Uni<Integer> storeAll(SqlConnection tx, List<ReceivedEvent<InteractionRecorded>> read) {
        OffsetDateTime now = Timestamps.now();
        YearMonth oldest = InteractionMonths.oldestKept(now, config.retentionMonths());
        Map<UUID, NewInteraction> distinct = new LinkedHashMap<>();
        Set<YearMonth> months = new HashSet<>();
        int expired = 0;
        for (ReceivedEvent<InteractionRecorded> e : read) {
            InteractionRecorded r = e.data();
            YearMonth month = InteractionMonths.of(r.occurredAt());
            if (month.isBefore(oldest)) {
                expired++;
                continue;
            }
            if (!distinct.containsKey(r.interactionId())) {
                distinct.put(r.interactionId(), new NewInteraction(r, json(e.rawData().get("properties"), "{}"),
                        json(e.rawData().get("placements"), "[]")));
                months.add(month);
            }
        }
        if (expired > 0) {
            LOG.infof("%d interactions older than the retention window (from %s) not stored", expired, oldest);
        }
        if (distinct.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        List<NewInteraction> rows = new ArrayList<>(distinct.values());
        int writers = Math.max(1, Math.min(config.storeWriters(), rows.size() / MIN_ROWS_PER_WRITER));
        // a month created here must be committed before other connections write into it
        return partitions.ensureCommitted(months).flatMap(v -> {
            List<Uni<Integer>> writes = new ArrayList<>();
            int size = (rows.size() + writers - 1) / writers;
            for (int w = 0; w < writers; w++) {
                List<NewInteraction> chunk = rows.subList(w * size, Math.min(rows.size(), (w + 1) * size));
                writes.add(w == 0 ? interactions.insertAll(tx, chunk, now) : interactions.insertAllCommitted(chunk, now));
            }
            return Uni.join().all(writes).andFailFast().map(counts -> counts.stream().mapToInt(Integer::intValue).sum());
        });
    }

    private static String json(JsonNode node, String none) {
        return node == null || node.isNull() ? none : node.toString();
    }
}
