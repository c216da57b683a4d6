package io.waymark.customer.domain.filter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.List;

/** The parameters of a compiled filter: each value becomes a numbered placeholder with its cast. */
final class SqlParams {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private final int first;
    private final List<Object> values = new ArrayList<>();

    SqlParams(int first) {
        this.first = first;
    }

    /** Adds a value and answers its placeholder: {@code $3::text}. */
    String add(Object value, String cast) {
        values.add(value);
        return "$" + (first + values.size() - 1) + "::" + cast;
    }

    String text(String value) {
        return add(value, "text");
    }

    /**
     * A jsonb parameter: {@code value} (maps, lists, strings, numbers, booleans) written as JSON. It is sent as
     * text and cast by the server: a text value bound to a jsonb parameter would be taken as one JSON string.
     */
    String json(Object value) {
        try {
            return add(JSON.writeValueAsString(value), "text::jsonb");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a filter value cannot be written as JSON", e);
        }
    }

    List<Object> values() {
        return values;
    }
}
