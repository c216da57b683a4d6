package io.waymark.customer.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.waymark.platform.domain.Invalid;
import java.util.Map;

/**
 * Bounds on what a customer's traits may hold, so that no single customer (and no page of 200) can make
 * the service hold more than it should: at most {@value #MAX_TOTAL_BYTES} bytes of JSON in all.
 */
final class TraitLimits {

    static final int MAX_TOTAL_BYTES = 32 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private TraitLimits() {
    }

    static void check(Map<String, Object> traits) {
        if (traits == null) {
            return;
        }
        try {
            int size = JSON.writeValueAsBytes(traits).length;
            if (size > MAX_TOTAL_BYTES) {
                throw Invalid.field("traits", "at most " + MAX_TOTAL_BYTES + " bytes of JSON in all (these are " + size + ")");
            }
        } catch (JsonProcessingException e) {
            throw Invalid.field("traits", "cannot be written as JSON");
        }
    }
}
