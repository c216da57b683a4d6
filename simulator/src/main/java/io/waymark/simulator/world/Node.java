package io.waymark.simulator.world;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A place in a world file being read: typed reads with defaults, and problems that name the path. */
final class Node {

    private final JsonNode json;
    private final String path;

    Node(JsonNode json, String path) {
        this.json = json == null ? MissingNode.getInstance() : json;
        this.path = path;
    }

    JsonNode json() {
        return json;
    }

    boolean missing() {
        return json.isMissingNode() || json.isNull();
    }

    boolean has(String field) {
        return json.has(field) && !json.get(field).isNull();
    }

    IllegalArgumentException problem(String field, String expected) {
        String where = path.isEmpty() ? field : path + "." + field;
        return new IllegalArgumentException("world file: " + where + ": expected " + expected);
    }

    /** Refuses fields this place does not have (a typo must not be silently ignored). */
    void only(String... fields) {
        if (!json.isObject()) {
            if (!missing()) {
                throw new IllegalArgumentException("world file: " + path + ": expected an object");
            }
            return;
        }
        List<String> known = List.of(fields);
        for (Iterator<String> it = json.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!known.contains(f)) {
                throw problem(f, "nothing: unknown field (known: " + known + ")");
            }
        }
    }

    Node child(String field) {
        return new Node(json.get(field), path.isEmpty() ? field : path + "." + field);
    }

    List<String> keys() {
        List<String> keys = new ArrayList<>();
        if (json.isObject()) {
            json.fieldNames().forEachRemaining(keys::add);
        }
        return keys;
    }

    List<Node> list(String field) {
        JsonNode items = json.get(field);
        if (items == null || !items.isArray()) {
            throw problem(field, "a list");
        }
        List<Node> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String key = items.get(i).path("key").asText(Integer.toString(i));
            out.add(new Node(items.get(i), (path.isEmpty() ? field : path + "." + field) + "[" + key + "]"));
        }
        return out;
    }

    String required(String field) {
        String v = text(field, null);
        if (v == null || v.isBlank()) {
            throw problem(field, "a text");
        }
        return v;
    }

    String text(String field, String fallback) {
        JsonNode v = json.get(field);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isTextual()) {
            throw problem(field, "a text");
        }
        return v.asText();
    }

    boolean bool(String field) {
        JsonNode v = json.get(field);
        if (v != null && !v.isBoolean()) {
            throw problem(field, "true or false");
        }
        return v != null && v.asBoolean();
    }

    double number(String field, double fallback, double min, double max) {
        JsonNode v = json.get(field);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isNumber() || v.asDouble() < min || v.asDouble() > max) {
            throw problem(field, "a number from " + min + " to " + max);
        }
        return v.asDouble();
    }

    double probability(String field, double fallback) {
        return number(field, fallback, 0, 1);
    }

    int integer(String field, int fallback, int min, int max) {
        JsonNode v = json.get(field);
        if (v != null && !v.isNull() && !v.canConvertToInt()) {
            throw problem(field, "a whole number from " + min + " to " + max);
        }
        return (int) number(field, fallback, min, max);
    }

    List<String> texts(String field, List<String> fallback) {
        JsonNode v = json.get(field);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isArray()) {
            throw problem(field, "a list of texts");
        }
        List<String> out = new ArrayList<>();
        v.forEach(item -> {
            if (!item.isTextual() || item.asText().isBlank()) {
                throw problem(field, "a list of texts");
            }
            out.add(item.asText());
        });
        return out;
    }

    List<Double> numbers(String field) {
        JsonNode v = json.get(field);
        if (v == null || !v.isArray()) {
            throw problem(field, "a list of numbers");
        }
        List<Double> out = new ArrayList<>();
        v.forEach(item -> {
            if (!item.isNumber()) {
                throw problem(field, "a list of numbers");
            }
            out.add(item.asDouble());
        });
        return out;
    }

    /** An object of name: weight (weights ≥ 0, at least one above 0). */
    Map<String, Double> weights(String field) {
        Node n = child(field);
        Map<String, Double> out = new LinkedHashMap<>();
        for (String k : n.keys()) {
            out.put(k, n.number(k, 0, 0, 1_000_000));
        }
        if (!out.isEmpty() && out.values().stream().mapToDouble(d -> d).sum() <= 0) {
            throw problem(field, "weights of which at least one is above 0");
        }
        return out;
    }

    Map<String, String> textMap(String field) {
        Node n = child(field);
        Map<String, String> out = new LinkedHashMap<>();
        for (String k : n.keys()) {
            out.put(k, n.required(k));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> objectMap(String field) {
        JsonNode v = json.get(field);
        if (v == null || v.isNull()) {
            return Map.of();
        }
        if (!v.isObject()) {
            throw problem(field, "an object");
        }
        return new ObjectMapper().convertValue(v, LinkedHashMap.class);
    }
}
