package io.waymark.customer.domain;

import io.waymark.contracts.LifecycleStage;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A customer: who they are, what we know of them (traits) and where they are in their lifecycle. */
@Entity
@Table(name = "customer")
public class Customer {

    @Id
    public UUID id;

    /** Stored as given; unique regardless of case. */
    @Column(nullable = false)
    public String email;

    @Column(name = "first_name")
    public String firstName;

    @Column(name = "last_name")
    public String lastName;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public Map<String, Object> traits = new LinkedHashMap<>();

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public LifecycleStage stage;

    @Column(name = "stage_since", nullable = false)
    public OffsetDateTime stageSince;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    /** Hibernate's optimistic-lock version: 0 when created, one more on each update. */
    @Version
    public long version;

    /** The version events carry ({@code aggregateversion}): 1 for the creation, one more per change. */
    public long aggregateVersion() {
        return version + 1;
    }
}
