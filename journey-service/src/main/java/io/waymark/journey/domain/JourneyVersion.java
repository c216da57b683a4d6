package io.waymark.journey.domain;

import io.waymark.journey.domain.map.JourneyDocument;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A published version of a journey map: written once, never changed (the database refuses it too). */
@Entity
@Table(name = "journey_version")
public class JourneyVersion {

    /** Journey and version number. */
    @Embeddable
    public record Key(@Column(name = "journey_id") UUID journeyId, @Column(name = "version") int version)
            implements Serializable {
    }

    @EmbeddedId
    public Key key;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public JourneyDocument document;

    @Column(name = "published_at", nullable = false)
    public OffsetDateTime publishedAt;

    @Column(name = "published_by")
    public String publishedBy;
}
