package io.waymark.contracts;

/**
 * An event type: its CloudEvents {@code type} and {@code dataschema}. A breaking change to an event's data
 * is a new version (a new type), published beside the old one until every consumer has moved.
 */
public record EventType(String name, int version) {

    public String type() {
        return "io.waymark." + name + ".v" + version;
    }

    public String dataschema() {
        return "urn:waymark:" + name + ":" + version;
    }
}
