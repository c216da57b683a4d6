package io.waymark.customer.domain.rules;

import io.waymark.contracts.LifecycleStage;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * When an event of {@link #trigger} arrives (for interactions, optionally only of {@link #interactionType}),
 * if {@link #condition} holds (the segment filter language, over the event and the customer) and the customer
 * is in one of {@link #fromStages} (any when empty), move the customer to {@link #toStage}. Among the rules
 * that match one event, the lowest {@link #priority} wins.
 */
@Entity
@Table(name = "lifecycle_rule")
public class LifecycleRule {

    public static final String INTERACTION = "interaction";
    public static final String FEEDBACK_RESPONSE = "feedback-response";
    public static final String TRAIT_CHANGE = "trait-change";
    public static final List<String> TRIGGERS = List.of(INTERACTION, FEEDBACK_RESPONSE, TRAIT_CHANGE);

    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    public String description;

    @Column(nullable = false)
    public String trigger;

    @Column(name = "interaction_type")
    public String interactionType;

    /** Filter text, null for "always". */
    public String condition;

    @Convert(converter = StageListConverter.class)
    @Column(name = "from_stages", nullable = false)
    public List<LifecycleStage> fromStages = new ArrayList<>();

    @Enumerated(EnumType.STRING)
    @Column(name = "to_stage", nullable = false)
    public LifecycleStage toStage;

    @Column(nullable = false)
    public int priority;

    @Column(nullable = false)
    public boolean enabled = true;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Version
    public long version;
}
