package io.waymark.journey.domain.interactions;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The interaction stream's limits and housekeeping ({@code waymark.interactions.*}). */
@ConfigMapping(prefix = "waymark.interactions")
public interface InteractionsConfig {

    /** Interactions one request may carry. */
    @WithDefault("1000")
    int maxBatch();

    /** Keys of an interaction's properties. */
    @WithDefault("50")
    int maxProperties();

    /** Characters of one text property value. */
    @WithDefault("500")
    int maxPropertyText();

    /** Bytes of an interaction's properties as JSON. */
    @WithDefault("4096")
    int maxPropertiesBytes();

    /** How far in the future {@code occurredAt} may lie (clocks drift; a day more is a bug). */
    @WithDefault("P1D")
    Duration futureTolerance();

    /**
     * Whole months kept: the current month and this many before it. Older months are dropped as a whole
     * (their partition), and interactions older than that are refused at ingest, since they would be dropped.
     */
    @WithDefault("13")
    int retentionMonths();

    /** Ids accepted this recently are answered "duplicate" even before they are stored. */
    @WithDefault("60s")
    Duration recentWindow();

    /** How many recently accepted ids this instance remembers at most (bounded memory). */
    @WithDefault("200000")
    int recentCapacity();

    /** Transactions that write one large poll of the log at once (each at least 500 interactions). */
    @WithDefault("2")
    int storeWriters();

    /** How often the placement index rereads the published maps (a local publish refreshes it at once). */
    @WithDefault("10s")
    Duration placementRefresh();
}
