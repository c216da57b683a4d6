package io.waymark.journey.domain.interactions;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.waymark.contracts.journey.InteractionRecorded.Placement;
import io.waymark.journey.persistence.IdentityQueries;
import io.waymark.platform.domain.Invalid;
import io.waymark.platform.domain.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Takes interactions from websites, apps, call centres and imports: each item is checked on its own, repeats
 * are recognised, the customer is resolved (aliases from merges, external ids through customer-service), the
 * interaction is placed on the published maps, and it is appended to the interaction log. Only what the log
 * holds durably is answered "accepted"; a bad item is refused alone and never fails the others.
 */
@ApplicationScoped
public class InteractionIngest {

    private static final Logger LOG = Logger.getLogger(InteractionIngest.class);
    private static final int RESOLVE_CONCURRENCY = 8;

    private final InteractionsConfig config;
    private final InteractionValidation validation;
    private final IdentityQueries identities;
    private final CustomerDirectory directory;
    private final PlacementIndex placements;
    private final InteractionLog log;
    private final RecentIds recent;
    private final Counter unplacedCounter;

    InteractionIngest(InteractionsConfig config, IdentityQueries identities, CustomerDirectory directory,
                      PlacementIndex placements, InteractionLog log, MeterRegistry registry) {
        this.config = config;
        this.validation = new InteractionValidation(config);
        this.identities = identities;
        this.directory = directory;
        this.placements = placements;
        this.log = log;
        this.recent = new RecentIds(config.recentWindow().toNanos(), config.recentCapacity());
        this.unplacedCounter = Counter.builder("waymark.interactions.unplaced")
                .description("Interactions accepted that lie on no published journey map").register(registry);
    }

    /** One item under way: its index, what it says, and (once known) its outcome or the customer it belongs to. */
    private static final class Slot {
        final int index;
        final InteractionInput input;
        IngestResult.Item outcome;
        UUID customerId;

        Slot(int index, InteractionInput input, IngestResult.Item outcome) {
            this.index = index;
            this.input = input;
            this.outcome = outcome;
        }
    }

    public Uni<IngestResult> ingest(List<JsonNode> items) {
        if (items.isEmpty() || items.size() > config.maxBatch()) {
            throw Invalid.field("body", "one interaction, or an array of 1 to " + config.maxBatch());
        }
        OffsetDateTime now = Timestamps.now();
        OffsetDateTime oldestKept = InteractionMonths.start(InteractionMonths.oldestKept(now, config.retentionMonths()));
        long nanos = System.nanoTime();
        List<Slot> slots = new ArrayList<>(items.size());
        Set<UUID> inRequest = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            try {
                InteractionInput input = validation.read(item, now, oldestKept);
                boolean repeat = !inRequest.add(input.id()) || recent.contains(input.id(), nanos);
                slots.add(new Slot(i, input, repeat ? IngestResult.Item.duplicate(i, input.id()) : null));
            } catch (InteractionValidation.Refused e) {
                slots.add(new Slot(i, null, IngestResult.Item.rejected(i, idOf(item), e.field, e.getMessage())));
            }
        }
        List<Slot> open = open(slots);
        if (open.isEmpty()) {
            return Uni.createFrom().item(finish(slots, 0));
        }
        return identities.lookup(ids(open), aliases(open), customerIds(open), externals(open))
                .flatMap(facts -> resolve(open, facts))
                .flatMap(ignored -> append(open(slots), now))
                .map(unplaced -> {
                    recent.addAll(slots.stream().filter(s -> s.outcome.status() == IngestResult.Status.accepted)
                            .map(s -> s.input.id()).toList(), System.nanoTime());
                    return finish(slots, unplaced);
                });
    }

    /** Marks stored repeats and erased customers; finds the customer of each remaining item. */
    private Uni<Void> resolve(List<Slot> open, IdentityFacts facts) {
        Set<InteractionInput.ExternalId> unknown = new HashSet<>();
        for (Slot s : open) {
            InteractionInput.Who who = s.input.who();
            if (facts.storedIds().contains(s.input.id())) {
                s.outcome = IngestResult.Item.duplicate(s.index, s.input.id());
            } else if (who.customerId() != null) {
                s.customerId = facts.aliases().getOrDefault(who.customerId().toString(), who.customerId());
            } else if (who.anonymousId() != null) {
                s.customerId = facts.aliases().get(who.anonymousId());
            } else {
                s.customerId = facts.externalIds().get(who.externalId().key());
                if (s.customerId == null) {
                    unknown.add(who.externalId());
                }
            }
            if (s.outcome == null && s.customerId != null && facts.erased().contains(s.customerId)) {
                s.outcome = IngestResult.Item.rejected(s.index, s.input.id(), "customerId",
                        "the customer was erased (GDPR); nothing more is recorded about them");
            }
        }
        if (unknown.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Map<String, UUID> resolved = new HashMap<>();
        Map<String, String> failures = new HashMap<>();
        return Multi.createFrom().iterable(unknown)
                .onItem().transformToUni(ext -> directory.customerOf(ext)
                        .call(customer -> identities.rememberExternal(ext, customer))
                        .invoke(customer -> resolved.put(ext.key(), customer))
                        .onFailure().recoverWithItem(e -> {
                            failures.put(ext.key(), e.getMessage());
                            return null;
                        }))
                .merge(RESOLVE_CONCURRENCY).collect().last()
                .invoke(() -> {
                    for (Slot s : open) {
                        InteractionInput.ExternalId ext = s.input.who().externalId();
                        if (s.outcome != null || ext == null || s.customerId != null) {
                            continue;
                        }
                        s.customerId = resolved.get(ext.key());
                        if (s.customerId == null) {
                            LOG.warnf("external id %s not resolved: %s", ext.key(), failures.get(ext.key()));
                            s.outcome = IngestResult.Item.notStored(s.index, s.input.id(),
                                    "the customer of this external id could not be resolved right now; send it again");
                        }
                    }
                }).replaceWithVoid();
    }

    /** Places and appends the items still open; how many of those accepted landed on no map. */
    private Uni<Integer> append(List<Slot> open, OffsetDateTime now) {
        if (open.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        Placements index = placements.current();
        List<InteractionLog.Entry> entries = new ArrayList<>(open.size());
        for (Slot s : open) {
            InteractionInput in = s.input;
            List<Placement> placed = index.of(in);
            String key = s.customerId != null ? s.customerId.toString() : in.who().anonymousId();
            entries.add(new InteractionLog.Entry(key, in, s.customerId, placed));
        }
        return log.append(entries).map(failures -> {
            int notPlaced = 0;
            for (int i = 0; i < open.size(); i++) {
                Slot s = open.get(i);
                if (failures.get(i) == null) {
                    s.outcome = IngestResult.Item.accepted(s.index, s.input.id());
                    if (entries.get(i).placements().isEmpty()) {
                        notPlaced++;
                    }
                } else {
                    s.outcome = IngestResult.Item.notStored(s.index, s.input.id(),
                            "not stored: the interaction log did not confirm it; send it again");
                }
            }
            unplacedCounter.increment(notPlaced);
            return notPlaced;
        });
    }

    private static IngestResult finish(List<Slot> slots, int unplaced) {
        return IngestResult.of(slots.stream().map(s -> s.outcome).toList(), unplaced);
    }

    private static List<Slot> open(List<Slot> slots) {
        return slots.stream().filter(s -> s.outcome == null).toList();
    }

    private static Set<UUID> ids(List<Slot> open) {
        Set<UUID> ids = new HashSet<>();
        open.forEach(s -> ids.add(s.input.id()));
        return ids;
    }

    private static Set<String> aliases(List<Slot> open) {
        Set<String> aliases = new HashSet<>();
        for (Slot s : open) {
            InteractionInput.Who who = s.input.who();
            if (who.customerId() != null) {
                aliases.add(who.customerId().toString());
            } else if (who.anonymousId() != null) {
                aliases.add(who.anonymousId());
            }
        }
        return aliases;
    }

    private static Set<UUID> customerIds(List<Slot> open) {
        Set<UUID> ids = new HashSet<>();
        open.stream().map(s -> s.input.who().customerId()).filter(java.util.Objects::nonNull).forEach(ids::add);
        return ids;
    }

    private static Set<InteractionInput.ExternalId> externals(List<Slot> open) {
        Set<InteractionInput.ExternalId> ids = new HashSet<>();
        open.stream().map(s -> s.input.who().externalId()).filter(java.util.Objects::nonNull).forEach(ids::add);
        return ids;
    }

    /** The item's id when it has a readable one, for the answer about a refused item. */
    private static UUID idOf(JsonNode item) {
        try {
            return item != null && item.path("id").isTextual() ? UUID.fromString(item.path("id").textValue()) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
