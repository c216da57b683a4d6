package io.waymark.customer.domain;

import io.waymark.contracts.LifecycleStage;
import java.util.Map;

/** The command to create a customer; {@code stage} is optional (AWARENESS when absent). */
public record CreateCustomer(String email, String firstName, String lastName, Map<String, Object> traits,
                             LifecycleStage stage) {
}
