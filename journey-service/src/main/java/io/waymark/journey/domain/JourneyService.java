package io.waymark.journey.domain;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.waymark.journey.domain.map.JourneyDiff;
import io.waymark.journey.domain.map.JourneyDocument;
import io.waymark.journey.domain.map.JourneyValidation;
import io.waymark.journey.persistence.JourneyMapRepository;
import io.waymark.journey.persistence.JourneyVersionRepository;
import io.waymark.platform.domain.Caller;
import io.waymark.platform.domain.Conflict;
import io.waymark.platform.domain.Ids;
import io.waymark.platform.domain.Invalid;
import io.waymark.platform.domain.NotFound;
import io.waymark.platform.domain.PreconditionFailed;
import io.waymark.platform.domain.Timestamps;
import io.waymark.platform.paging.Page;
import io.waymark.platform.paging.PageQuery;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Journey maps, edited like code: one working draft per map, replaced whole (with If-Match), published as
 * numbered versions that never change ({@link JourneyPublishing}), compared by key ({@link JourneyDiff}).
 */
@ApplicationScoped
public class JourneyService {

    /** What a diff compares: a published version's number, or the draft. */
    public record Side(Optional<Integer> version) {

        public static final Side DRAFT = new Side(Optional.empty());

        public static Side parse(String text, String field) {
            if (text == null || text.isBlank()) {
                throw Invalid.field(field, "a version number or 'draft'");
            }
            if (text.trim().equalsIgnoreCase("draft")) {
                return DRAFT;
            }
            try {
                int n = Integer.parseInt(text.trim());
                if (n < 1) {
                    throw new NumberFormatException();
                }
                return new Side(Optional.of(n));
            } catch (NumberFormatException e) {
                throw Invalid.field(field, "a version number (1, 2, ...) or 'draft'");
            }
        }
    }

    private final JourneyMapRepository maps;
    private final JourneyVersionRepository versions;

    JourneyService(JourneyMapRepository maps, JourneyVersionRepository versions) {
        this.maps = maps;
        this.versions = versions;
    }

    @WithTransaction
    public Uni<JourneyMap> create(JourneyDocument document, Caller editor) {
        JourneyValidation.check(document);
        Editor.mayChangeMapsOf(editor, document.ownerTeam());
        OffsetDateTime now = Timestamps.now();
        JourneyMap map = new JourneyMap();
        map.id = Ids.newId();
        map.status = JourneyMap.DRAFT;
        map.createdBy = editor.user();
        map.createdAt = now;
        map.replaceDraft(document, null, now);
        return maps.persist(map);
    }

    /** Replaces the draft; the map must stay with (or move to) a team the editor belongs to. */
    @WithTransaction
    public Uni<JourneyMap> replace(UUID id, JourneyDocument document, Optional<Long> expectedVersion, Caller editor) {
        JourneyValidation.check(document);
        return get(id).flatMap(map -> {
            Editor.mayChangeMapsOf(editor, map.ownerTeam);
            Editor.mayChangeMapsOf(editor, document.ownerTeam());
            if (JourneyMap.ARCHIVED.equals(map.status)) {
                throw new Conflict("journey " + id + " is archived; clone it to work on it again");
            }
            if (expectedVersion.isPresent() && expectedVersion.get() != map.draftVersion()) {
                throw new PreconditionFailed("the draft of journey " + id + " is at version " + map.draftVersion()
                        + ", not " + expectedVersion.get() + "; read it again");
            }
            Uni<JourneyDocument> latest = map.latestVersion == 0 ? Uni.createFrom().nullItem()
                    : versions.findById(new JourneyVersion.Key(id, map.latestVersion)).map(v -> v.document);
            return latest.map(published -> {
                map.replaceDraft(document, published, Timestamps.now());
                return map;
            });
        }).call(maps::flush);
    }

    @WithTransaction
    public Uni<JourneyMap> archive(UUID id, Caller editor) {
        return get(id).map(map -> {
            Editor.mayChangeMapsOf(editor, map.ownerTeam);
            if (JourneyMap.ARCHIVED.equals(map.status)) {
                throw new Conflict("journey " + id + " is archived already");
            }
            map.status = JourneyMap.ARCHIVED;
            map.updatedAt = Timestamps.now();
            return map;
        }).call(maps::flush);
    }

    /** A new map (a draft) from this one's draft, owned by the same team. */
    @WithTransaction
    public Uni<JourneyMap> copy(UUID id, Caller editor) {
        return get(id).flatMap(source -> {
            Editor.mayChangeMapsOf(editor, source.ownerTeam);
            JourneyDocument d = source.draft;
            String name = ("Copy of " + d.name());
            name = name.length() > JourneyValidation.MAX_NAME ? name.substring(0, JourneyValidation.MAX_NAME) : name;
            return create(new JourneyDocument(name, d.description(), d.ownerTeam(), d.persona(), d.stages()), editor);
        });
    }

    @WithSession
    public Uni<JourneyMap> get(UUID id) {
        return maps.findById(id).onItem().ifNull().failWith(() -> new NotFound("journey", id));
    }

    @WithSession
    public Uni<Page<JourneyMap>> search(Optional<String> team, Optional<String> status, Optional<String> text,
                                        PageQuery page) {
        return maps.search(team, status, text, page).map(found -> Page.of(found, page, m -> m.id));
    }

    @WithSession
    public Uni<List<JourneyVersion>> versions(UUID id) {
        return get(id).flatMap(map -> versions.ofJourney(id));
    }

    @WithSession
    public Uni<JourneyVersion> version(UUID id, int number) {
        return get(id).flatMap(map -> versions.findById(new JourneyVersion.Key(id, number)))
                .onItem().ifNull().failWith(() -> new NotFound("version " + number + " of journey", id));
    }

    @WithSession
    public Uni<JourneyDiff> diff(UUID id, Side from, Side to) {
        return document(id, from, "from").flatMap(a -> document(id, to, "to").map(b -> JourneyDiff.between(a, b)));
    }

    private Uni<JourneyDocument> document(UUID id, Side side, String field) {
        if (side.version().isEmpty()) {
            return get(id).map(map -> map.draft);
        }
        int n = side.version().get();
        return get(id).flatMap(map -> versions.findById(new JourneyVersion.Key(id, n)))
                .onItem().ifNull().failWith(() -> Invalid.field(field, "journey " + id + " has no version " + n))
                .map(v -> v.document);
    }
}
