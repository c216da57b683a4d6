package io.waymark.customer.domain;

import io.waymark.contracts.LifecycleStage;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One move of a customer between lifecycle stages: from, to, when, why and by whom or what. */
@Entity
@Table(name = "stage_transition")
public class StageTransition {

    @Id
    public UUID id;

    @Column(name = "customer_id", nullable = false)
    public UUID customerId;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_stage", nullable = false)
    public LifecycleStage from;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_stage", nullable = false)
    public LifecycleStage to;

    @Column(nullable = false)
    public OffsetDateTime at;

    /** {@code manual}, {@code rule} or {@code import}. */
    @Column(nullable = false)
    public String cause;

    /** The user who moved the customer, for {@code manual}. */
    public String actor;

    @Column(name = "rule_id")
    public UUID ruleId;

    @Column(name = "triggering_event_id")
    public UUID triggeringEventId;

    public String reason;

    @Column(name = "seconds_in_previous", nullable = false)
    public long secondsInPrevious;
}
