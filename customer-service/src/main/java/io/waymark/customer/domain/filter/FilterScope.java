package io.waymark.customer.domain.filter;

/** Where a filter is used: segments filter customers only, lifecycle rules may also read the event. */
public enum FilterScope {
    SEGMENT,
    RULE
}
