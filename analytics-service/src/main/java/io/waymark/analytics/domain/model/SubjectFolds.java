package io.waymark.analytics.domain.model;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.waymark.analytics.domain.rollup.Delta;
import io.waymark.analytics.domain.rollup.Retention;
import io.waymark.analytics.persistence.ActivityStates;
import io.waymark.analytics.persistence.JourneySubjects;
import io.waymark.analytics.persistence.JourneyVersions;
import io.waymark.analytics.persistence.Rollups;
import io.waymark.analytics.persistence.SubjectAliases;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Two subjects that turn out to be one person (customer.merged: an anonymous visitor identified, or a customer
 * merged into another) become one in the interaction read models: the history of both counts once, under the
 * survivor. Both contributions are taken back and the union's is added; the merged-away subject's rows go.
 * The merged-away subject is remembered as an alias of the survivor, so its events that arrive after the merge
 * (a page view published before journey-service knew the visitor) count for the survivor instead of bringing the
 * merged-away subject back. Erasure drops a subject's rows (and its aliases') but leaves what it contributed, so the
 * aggregates stay as they were.
 */
@ApplicationScoped
public class SubjectFolds {

    private final ActivityStates activity;
    private final JourneySubjects journeys;
    private final JourneyVersions versions;
    private final Rollups rollups;
    private final ChurnHistoryModel churn;
    private final SubjectAliases aliases;

    SubjectFolds(ActivityStates activity, JourneySubjects journeys, JourneyVersions versions, Rollups rollups,
                 ChurnHistoryModel churn, SubjectAliases aliases) {
        this.activity = activity;
        this.journeys = journeys;
        this.versions = versions;
        this.rollups = rollups;
        this.churn = churn;
        this.aliases = aliases;
    }

    /** {@code from} becomes {@code into}, or {@code into}'s survivor when {@code into} was merged away already. */
    public Uni<Void> fold(SqlConnection tx, String from, String into) {
        if (from.equals(into)) {
            return Uni.createFrom().voidItem();
        }
        return aliases.survivorOf(tx, into).flatMap(target -> {
            if (target.equals(from)) {
                return Uni.createFrom().voidItem();
            }
            return foldActivity(tx, from, target).flatMap(v -> foldJourneys(tx, from, target))
                    .flatMap(v -> churn.fold(tx, from, target)).flatMap(v -> aliases.add(tx, from, target));
        });
    }

    /** An erased subject's rows go, and those of every subject merged into it (their late events made rows too). */
    public Uni<Void> forget(SqlConnection tx, String subject, OffsetDateTime at) {
        return aliases.erase(tx, subject, at).flatMap(merged -> {
            List<String> all = new ArrayList<>(merged);
            all.add(subject);
            Uni<Void> chain = activity.delete(tx, all).flatMap(v -> journeys.deleteSubjects(tx, all));
            for (String s : all) {
                chain = chain.flatMap(v -> churn.forget(tx, s));
            }
            return chain;
        });
    }

    private Uni<Void> foldActivity(SqlConnection tx, String from, String into) {
        return activity.load(tx, List.of(from, into)).flatMap(stored -> {
            Activity gone = stored.get(from);
            if (gone == null) {
                return Uni.createFrom().voidItem();
            }
            Activity kept = stored.getOrDefault(into, Activity.none());
            Activity both = kept.union(gone);
            Delta<Retention.Cell> cells = new Delta<>(1);
            Retention.contribute(gone.weeks(), gone.months(), cells, -1);
            Retention.contribute(kept.weeks(), kept.months(), cells, -1);
            Retention.contribute(both.weeks(), both.months(), cells, 1);
            return activity.save(tx, Map.of(into, both))
                    .flatMap(v -> activity.delete(tx, List.of(from)))
                    .flatMap(v -> rollups.retention(tx, cells));
        });
    }

    private Uni<Void> foldJourneys(SqlConnection tx, String from, String into) {
        return journeys.ofSubjects(tx, List.of(from, into)).flatMap(stored -> {
            Set<UUID> journeyIds = new HashSet<>();
            stored.keySet().forEach(k -> journeyIds.add(k.journeyId()));
            if (stored.keySet().stream().noneMatch(k -> k.subject().equals(from))) {
                return Uni.createFrom().voidItem();
            }
            return JourneyContributions.versions(tx, versions, stored, journeyIds).flatMap(known -> {
                JourneyContributions contributions = new JourneyContributions();
                Map<JourneySubjects.Key, JourneySubject> merged = new HashMap<>();
                stored.forEach((key, state) -> {
                    contributions.remove(key, state, known);
                    JourneySubjects.Key target = new JourneySubjects.Key(key.journeyId(), into);
                    merged.merge(target, state.withVersion(null), JourneySubject::union);
                });
                Map<JourneySubjects.Key, JourneySubject> counted = new HashMap<>();
                merged.forEach((key, state) -> counted.put(key, contributions.count(key, state, known)));
                return journeys.save(tx, counted)
                        .flatMap(v -> journeys.deleteSubjects(tx, List.of(from)))
                        .flatMap(v -> rollups.journeys(tx, contributions.days(), contributions.times()));
            });
        });
    }
}
