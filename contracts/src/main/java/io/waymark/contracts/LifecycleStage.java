package io.waymark.contracts;

/** The stages of a customer's lifecycle, in the order a customer normally moves through them. */
public enum LifecycleStage {
    AWARENESS,
    CONSIDERATION,
    PURCHASE,
    ONBOARDING,
    RETENTION,
    ADVOCACY
}
