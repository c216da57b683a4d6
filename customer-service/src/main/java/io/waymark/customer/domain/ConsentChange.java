package io.waymark.customer.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One answer a customer gave for one consent purpose: kept for good, so what was agreed when can be shown. */
@Entity
@Table(name = "consent_change")
public class ConsentChange {

    @Id
    public UUID id;

    @Column(name = "customer_id", nullable = false)
    public UUID customerId;

    @Column(nullable = false)
    public String purpose;

    @Column(nullable = false)
    public boolean granted;

    /** Where the answer was given: a form, the preference centre, an agent's call. */
    @Column(nullable = false)
    public String source;

    /** Who recorded it (the token's subject). */
    public String actor;

    @Column(nullable = false)
    public OffsetDateTime at;
}
