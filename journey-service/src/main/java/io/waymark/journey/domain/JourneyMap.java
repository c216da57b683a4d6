package io.waymark.journey.domain;

import io.waymark.journey.domain.map.JourneyDocument;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A journey map: its working draft, and how far its published versions go ({@link JourneyVersion}). Name and
 * owner team are copied out of the draft so that lists can filter and sort without reading documents.
 */
@Entity
@Table(name = "journey_map")
public class JourneyMap {

    public static final String DRAFT = "draft";
    public static final String PUBLISHED = "published";
    public static final String ARCHIVED = "archived";

    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    @Column(name = "owner_team", nullable = false)
    public String ownerTeam;

    /** {@link #DRAFT} (never published), {@link #PUBLISHED} or {@link #ARCHIVED}. */
    @Column(nullable = false)
    public String status;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public JourneyDocument draft;

    /** 1 for the first draft, one more per replacement: the ETag that If-Match names. */
    @Column(name = "draft_revision", nullable = false)
    public long draftRevision = 1;

    /** The number of the latest published version; 0 before the first publish. */
    @Column(name = "latest_version", nullable = false)
    public int latestVersion;

    /** The draft differs from the latest version (always true before the first publish). */
    @Column(nullable = false)
    public boolean unpublished = true;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    /** Optimistic lock of the row (any change: draft, publish, archive). */
    @Version
    public long version;

    public long draftVersion() {
        return draftRevision;
    }

    /** The new draft; {@code latest} is the latest published document (null before the first publish). */
    void replaceDraft(JourneyDocument document, JourneyDocument latest, OffsetDateTime now) {
        if (draft != null) {
            draftRevision++;
        }
        draft = document;
        name = document.name().trim();
        ownerTeam = document.ownerTeam();
        unpublished = !document.equals(latest);
        updatedAt = now;
    }
}
