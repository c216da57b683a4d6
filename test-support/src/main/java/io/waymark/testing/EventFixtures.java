package io.waymark.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;

/**
 * The golden CloudEvent fixtures of contracts/src/test/resources/events ({@code <type>.json}, and
 * {@code <type>.extra-fields.json} with attributes and fields a newer producer might add). Producers' tests
 * check that what they publish has the fixture's shape; consumers' tests feed fixtures to their handlers.
 */
public final class EventFixtures {

    private EventFixtures() {
    }

    /** The fixture's text, e.g. {@code load("customer.created.v1")}. */
    public static String load(String name) {
        String path = "/events/" + name + ".json";
        try (InputStream in = EventFixtures.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no event fixture " + path + " (contracts test-jar)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Fails unless {@code actual} has the fixture's shape: the same fields at every level, each of the same JSON
     * type (the values may differ). A producer's test calls this with what it published.
     */
    public static void assertSameShape(String fixtureName, String actual) {
        try {
            ObjectMapper json = new ObjectMapper();
            String difference = difference("", json.readTree(load(fixtureName)), json.readTree(actual));
            if (difference != null) {
                throw new AssertionError("the event does not have the shape of fixture " + fixtureName + ": " + difference);
            }
        } catch (IOException e) {
            throw new AssertionError("the event is not JSON: " + e.getMessage(), e);
        }
    }

    private static String difference(String path, JsonNode expected, JsonNode actual) {
        if (expected.getNodeType() != actual.getNodeType()) {
            return path + " is " + actual.getNodeType() + ", the fixture has " + expected.getNodeType();
        }
        if (!expected.isObject()) {
            return null;
        }
        Set<String> want = new TreeSet<>();
        expected.fieldNames().forEachRemaining(want::add);
        Set<String> have = new TreeSet<>();
        actual.fieldNames().forEachRemaining(have::add);
        if (!want.equals(have)) {
            return (path.isEmpty() ? "the envelope" : path) + " has fields " + have + ", the fixture " + want;
        }
        for (String field : want) {
            String d = difference(path.isEmpty() ? field : path + "." + field, expected.get(field), actual.get(field));
            if (d != null) {
                return d;
            }
        }
        return null;
    }
}
