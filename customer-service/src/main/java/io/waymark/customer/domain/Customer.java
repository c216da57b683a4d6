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
import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A customer: who they are, what we know of them (traits) and where they are in their lifecycle. */
@Entity
@Table(name = "customer")
// only changed columns are written: last_seen_at moves by plain SQL while a request may hold the customer
@DynamicUpdate
public class Customer {

    @Id
    public UUID id;

    public static final String ACTIVE = "active";
    public static final String MERGED = "merged";
    public static final String ERASED = "erased";

    /** Stored as given; unique regardless of case. None for a customer known only by other ids, or erased. */
    public String email;

    @Column(name = "first_name")
    public String firstName;

    @Column(name = "last_name")
    public String lastName;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public Map<String, Object> traits = new LinkedHashMap<>();

    /** System name → this customer's id in it; each (system, id) belongs to one customer (customer_external_id). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "external_ids", nullable = false, columnDefinition = "jsonb")
    public Map<String, String> externalIds = new LinkedHashMap<>();

    /** Purpose → the current answer; every change is kept in consent_change. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public Map<String, Consent> consents = new LinkedHashMap<>();

    /** {@link #ACTIVE}, {@link #MERGED} (into {@link #mergedInto}) or {@link #ERASED} (a tombstone). */
    @Column(nullable = false)
    public String status = ACTIVE;

    @Column(name = "merged_into")
    public UUID mergedInto;

    /** When an interaction of this customer was last recorded (from journey.interactions). */
    @Column(name = "last_seen_at")
    public OffsetDateTime lastSeenAt;

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

    /** The current answer to one consent purpose; {@code at} is ISO-8601 (kept as text inside the jsonb). */
    public record Consent(boolean granted, String source, String at) {
    }

    /** Drops everything that says who the customer is or what they agreed to (a merge or an erasure). */
    void forgetPersonalData() {
        email = null;
        firstName = null;
        lastName = null;
        traits = new LinkedHashMap<>();
        externalIds = new LinkedHashMap<>();
        consents = new LinkedHashMap<>();
    }

    public boolean isActive() {
        return ACTIVE.equals(status);
    }

    /** The version events carry ({@code aggregateversion}): 1 for the creation, one more per change. */
    public long aggregateVersion() {
        return version + 1;
    }
}
