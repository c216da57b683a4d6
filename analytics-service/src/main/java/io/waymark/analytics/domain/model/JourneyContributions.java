package io.waymark.analytics.domain.model;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.waymark.analytics.domain.rollup.Delta;
import io.waymark.analytics.domain.rollup.JourneyReach;
import io.waymark.analytics.persistence.JourneySubjects;
import io.waymark.analytics.persistence.JourneyVersions;
import io.waymark.contracts.journey.JourneyPublished;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Subjects' ways through journeys turned into rollup changes: what each subject contributed before (with the
 * order of the version it was counted with) is taken back and what it contributes now (with the latest
 * version's order) is added. Shared by the interaction stream and by merges.
 */
public final class JourneyContributions {

    private final Delta<JourneyReach.TouchpointDay> days = new Delta<>(4);
    private final Delta<JourneyReach.TouchpointDayBucket> times = new Delta<>(1);

    public Delta<JourneyReach.TouchpointDay> days() {
        return days;
    }

    public Delta<JourneyReach.TouchpointDayBucket> times() {
        return times;
    }

    /** The designed order of a version: its touchpoints, stage by stage. */
    public static List<String> order(JourneyPublished version) {
        List<String> order = new ArrayList<>();
        if (version != null && version.stages() != null) {
            version.stages().forEach(s -> {
                if (s.touchpoints() != null) {
                    s.touchpoints().forEach(t -> order.add(t.key()));
                }
            });
        }
        return order;
    }

    /**
     * Loads what is needed to count before and after: the versions the old states were counted with and the
     * latest version of every journey involved. Completes with the latest version per journey.
     */
    public static Uni<Versions> versions(SqlConnection tx, JourneyVersions versions,
                                         Map<JourneySubjects.Key, JourneySubject> before, Set<UUID> journeys) {
        return versions.latest(tx, journeys).flatMap(latest -> {
            Set<JourneyVersions.Key> needed = new HashSet<>();
            before.forEach((k, s) -> {
                if (s.version() != null) {
                    needed.add(new JourneyVersions.Key(k.journeyId(), s.version()));
                }
            });
            latest.forEach((j, v) -> needed.add(new JourneyVersions.Key(j, v)));
            return versions.all(tx, needed).map(docs -> new Versions(latest, docs));
        });
    }

    /** The latest version of each journey, and the documents of every version needed. */
    public record Versions(Map<UUID, Integer> latest, Map<JourneyVersions.Key, JourneyPublished> documents) {

        List<String> orderOf(UUID journeyId, Integer version) {
            return version == null ? null : order(documents.get(new JourneyVersions.Key(journeyId, version)));
        }
    }

    /** Takes back what a subject's state contributed. */
    public void remove(JourneySubjects.Key key, JourneySubject state, Versions versions) {
        add(key, state, versions.orderOf(key.journeyId(), state.version()), -1);
    }

    /** Counts a subject's state with the latest order; the state as counted (its version set). */
    public JourneySubject count(JourneySubjects.Key key, JourneySubject state, Versions versions) {
        Integer latest = versions.latest().get(key.journeyId());
        JourneySubject counted = state.withVersion(latest);
        add(key, counted, versions.orderOf(key.journeyId(), latest), 1);
        return counted;
    }

    private void add(JourneySubjects.Key key, JourneySubject state, List<String> order, int sign) {
        Map<String, Instant> reached = new HashMap<>();
        state.reached().forEach((t, s) -> reached.put(t, Instant.ofEpochSecond(s)));
        JourneyReach.contribute(key.journeyId(), reached, order, days, times, sign);
    }
}
