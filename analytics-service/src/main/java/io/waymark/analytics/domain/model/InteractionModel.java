package io.waymark.analytics.domain.model;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.waymark.analytics.domain.rollup.Days;
import io.waymark.analytics.domain.rollup.Delta;
import io.waymark.analytics.domain.rollup.Retention;
import io.waymark.analytics.persistence.ActivityStates;
import io.waymark.analytics.persistence.ErasedSubjects;
import io.waymark.analytics.persistence.JourneySubjects;
import io.waymark.analytics.persistence.JourneyVersions;
import io.waymark.analytics.persistence.Rollups;
import io.waymark.analytics.persistence.SubjectAliases;
import io.waymark.contracts.journey.InteractionRecorded;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Interactions into the read models, a poll at a time: each subject's active weeks and months (retention) and
 * its first reach of each touchpoint of each journey it was placed on (journey funnel, pain points, emotion
 * curve). Only what changes a subject's facts changes the rollups, so a redelivered poll changes nothing and
 * needs no inbox. An interaction of a subject merged away before it arrived counts for the survivor.
 */
@ApplicationScoped
public class InteractionModel {

    private final ActivityStates activity;
    private final JourneySubjects journeys;
    private final JourneyVersions versions;
    private final ErasedSubjects erased;
    private final Rollups rollups;
    private final ChurnHistoryModel churn;
    private final SubjectAliases aliases;

    InteractionModel(ActivityStates activity, JourneySubjects journeys, JourneyVersions versions, ErasedSubjects erased,
                     Rollups rollups, ChurnHistoryModel churn, SubjectAliases aliases) {
        this.activity = activity;
        this.journeys = journeys;
        this.versions = versions;
        this.erased = erased;
        this.rollups = rollups;
        this.churn = churn;
        this.aliases = aliases;
    }

    public Uni<Void> apply(SqlConnection tx, List<InteractionRecorded> recorded) {
        Set<String> keyed = new HashSet<>();
        recorded.forEach(i -> keyed.add(Subjects.of(i.customerId(), i.anonymousId())));
        return aliases.survivors(tx, keyed).flatMap(survivors -> {
            List<InteractionRecorded> interactions = survivors.isEmpty() ? recorded
                    : recorded.stream().map(i -> asSurvivor(i, survivors)).toList();
            Set<String> subjects = new HashSet<>();
            interactions.forEach(i -> subjects.add(Subjects.of(i.customerId(), i.anonymousId())));
            return applyLive(tx, interactions, subjects);
        });
    }

    /** An interaction of a merged-away subject, as the survivor's. */
    private static InteractionRecorded asSurvivor(InteractionRecorded i, Map<String, String> survivors) {
        String survivor = survivors.get(Subjects.of(i.customerId(), i.anonymousId()));
        if (survivor == null) {
            return i;
        }
        UUID customer = Subjects.customerOf(survivor);
        return new InteractionRecorded(i.interactionId(), customer, customer == null ? Subjects.anonymousIdOf(survivor) : null,
                i.type(), i.channel(), i.occurredAt(), i.properties(), i.placements());
    }

    private Uni<Void> applyLive(SqlConnection tx, List<InteractionRecorded> interactions, Set<String> subjects) {
        return erased.among(tx, subjects).flatMap(gone -> {
            List<InteractionRecorded> live = interactions.stream()
                    .filter(i -> !gone.contains(Subjects.of(i.customerId(), i.anonymousId()))).toList();
            return live.isEmpty() ? Uni.createFrom().voidItem()
                    : activity(tx, live).flatMap(v -> journeys(tx, live)).flatMap(v -> churn.interactions(tx, live));
        });
    }

    /**
     * Counts the subjects that reached a journey's touchpoints before any version of it was known (topics are
     * read side by side, so a rebuild can meet interactions before the map) with the order of the version just
     * published. Subjects already counted with an older version's order are recounted at their next interaction.
     */
    public Uni<Void> countUnordered(SqlConnection tx, UUID journeyId) {
        return journeys.unordered(tx, journeyId).flatMap(stored -> stored.isEmpty() ? Uni.createFrom().voidItem()
                : JourneyContributions.versions(tx, versions, stored, Set.of(journeyId)).flatMap(known -> {
                    JourneyContributions contributions = new JourneyContributions();
                    Map<JourneySubjects.Key, JourneySubject> counted = new HashMap<>();
                    stored.forEach((key, state) -> {
                        contributions.remove(key, state, known);
                        counted.put(key, contributions.count(key, state, known));
                    });
                    return journeys.save(tx, counted)
                            .flatMap(v -> rollups.journeys(tx, contributions.days(), contributions.times()));
                }));
    }

    private Uni<Void> activity(SqlConnection tx, List<InteractionRecorded> interactions) {
        Map<String, Activity> seen = new HashMap<>();
        for (InteractionRecorded i : interactions) {
            LocalDate day = Days.of(i.occurredAt());
            Activity a = seen.computeIfAbsent(Subjects.of(i.customerId(), i.anonymousId()), s -> Activity.none());
            a.weeks().add(Days.week(day));
            a.months().add(Days.month(day));
        }
        return activity.load(tx, seen.keySet()).flatMap(stored -> {
            Delta<Retention.Cell> cells = new Delta<>(1);
            Map<String, Activity> changed = new HashMap<>();
            seen.forEach((subject, fresh) -> {
                Activity before = stored.getOrDefault(subject, Activity.none());
                Activity after = before.union(fresh);
                if (!after.equals(before)) {
                    Retention.contribute(before.weeks(), before.months(), cells, -1);
                    Retention.contribute(after.weeks(), after.months(), cells, 1);
                    changed.put(subject, after);
                }
            });
            return activity.save(tx, changed).flatMap(v -> rollups.retention(tx, cells));
        });
    }

    private Uni<Void> journeys(SqlConnection tx, List<InteractionRecorded> interactions) {
        Map<JourneySubjects.Key, Map<String, Long>> reached = new HashMap<>();
        Set<UUID> journeyIds = new HashSet<>();
        for (InteractionRecorded i : interactions) {
            if (i.placements() == null) {
                continue;
            }
            long at = i.occurredAt().toEpochSecond();
            for (InteractionRecorded.Placement p : i.placements()) {
                if (p.journeyId() == null || p.touchpointKey() == null) {
                    continue;
                }
                journeyIds.add(p.journeyId());
                reached.computeIfAbsent(new JourneySubjects.Key(p.journeyId(), Subjects.of(i.customerId(), i.anonymousId())),
                        k -> new HashMap<>()).merge(p.touchpointKey(), at, Math::min);
            }
        }
        if (reached.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return journeys.load(tx, reached.keySet()).flatMap(stored -> JourneyContributions.versions(tx, versions, stored,
                journeyIds).flatMap(known -> {
            JourneyContributions contributions = new JourneyContributions();
            Map<JourneySubjects.Key, JourneySubject> changed = new HashMap<>();
            reached.forEach((key, touchpoints) -> {
                JourneySubject before = stored.getOrDefault(key, JourneySubject.none());
                JourneySubject after = before;
                for (var t : touchpoints.entrySet()) {
                    after = after.reaching(t.getKey(), t.getValue());
                }
                boolean newVersion = !java.util.Objects.equals(before.version(), known.latest().get(key.journeyId()));
                if (!after.reached().equals(before.reached()) || newVersion) {
                    contributions.remove(key, before, known);
                    changed.put(key, contributions.count(key, after, known));
                }
            });
            return journeys.save(tx, changed).flatMap(v -> rollups.journeys(tx, contributions.days(), contributions.times()));
        }));
    }
}
