package io.waymark.contracts;

/** Kafka topics, named by owner and fact. Records are keyed by customer id so one customer's events stay ordered. */
public final class Topics {

    public static final String CUSTOMER_EVENTS = "customer.events";
    public static final String JOURNEY_INTERACTIONS = "journey.interactions";
    public static final String JOURNEY_MAPS = "journey.maps";
    public static final String FEEDBACK_EVENTS = "feedback.events";
    public static final String ANALYTICS_EVENTS = "analytics.events";

    private Topics() {
    }
}
