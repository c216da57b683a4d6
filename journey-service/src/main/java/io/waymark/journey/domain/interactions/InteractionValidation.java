package io.waymark.journey.domain.interactions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.waymark.journey.domain.map.Channel;
import io.waymark.journey.domain.map.JourneyValidation;
import io.waymark.journey.domain.map.TouchpointValidation;
import io.waymark.platform.events.IsoTimes;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Reads one item of an ingest request, or says exactly what is wrong with it (the field and why), so a bad
 * item is refused alone and never fails its batch.
 */
final class InteractionValidation {

    /** What is wrong with an item: the field (a path inside the item) and why. */
    static final class Refused extends Exception {

        final String field;

        Refused(String field, String message) {
            super(message, null, false, false);
            this.field = field;
        }
    }

    private static final Set<String> FIELDS = Set.of("id", "customerId", "anonymousId", "externalId", "type", "channel",
            "occurredAt", "journeyId", "touchpointKey", "properties");
    private static final Pattern SYSTEM = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    private static final Pattern PROPERTY = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");
    private static final int MAX_ID = 128;

    private final InteractionsConfig config;

    InteractionValidation(InteractionsConfig config) {
        this.config = config;
    }

    /** The item as an interaction, given the time now and the oldest time still kept. */
    InteractionInput read(JsonNode item, OffsetDateTime now, OffsetDateTime oldestKept) throws Refused {
        if (item == null || !item.isObject()) {
            throw new Refused("", "an interaction is a JSON object");
        }
        for (Iterator<String> names = item.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw new Refused(name, "unknown field");
            }
        }
        UUID id = uuid(item, "id", true);
        InteractionInput.Who who = who(item);
        String type = text(item, "type", true);
        if (!TouchpointValidation.INTERACTION_TYPE.matcher(type).matches()) {
            throw new Refused("type", TouchpointValidation.INTERACTION_TYPE_SHAPE);
        }
        String channel = text(item, "channel", true);
        if (Channel.fromValue(channel).isEmpty()) {
            throw new Refused("channel", "one of " + String.join(", ", Channel.VALUES));
        }
        OffsetDateTime occurredAt = time(item, now, oldestKept);
        UUID journeyId = uuid(item, "journeyId", false);
        String touchpointKey = text(item, "touchpointKey", false);
        if (touchpointKey != null && !JourneyValidation.KEY.matcher(touchpointKey).matches()) {
            throw new Refused("touchpointKey", JourneyValidation.KEY_SHAPE);
        }
        return new InteractionInput(id, who, type, channel, occurredAt, journeyId, touchpointKey, properties(item));
    }

    private static InteractionInput.Who who(JsonNode item) throws Refused {
        int given = (present(item, "customerId") ? 1 : 0) + (present(item, "anonymousId") ? 1 : 0)
                + (present(item, "externalId") ? 1 : 0);
        if (given != 1) {
            throw new Refused("customerId", "exactly one of customerId, anonymousId or externalId {system, id}");
        }
        if (present(item, "customerId")) {
            return new InteractionInput.Who(uuid(item, "customerId", true), null, null);
        }
        if (present(item, "anonymousId")) {
            String anonymous = text(item, "anonymousId", true);
            if (anonymous.isBlank() || anonymous.length() > MAX_ID) {
                throw new Refused("anonymousId", "1-" + MAX_ID + " characters");
            }
            return new InteractionInput.Who(null, anonymous, null);
        }
        JsonNode external = item.get("externalId");
        if (!external.isObject() || external.size() != 2 || !external.has("system") || !external.has("id")) {
            throw new Refused("externalId", "an object {\"system\": ..., \"id\": ...}");
        }
        String system = text(external, "system", true);
        String id = text(external, "id", true);
        if (!SYSTEM.matcher(system).matches()) {
            throw new Refused("externalId.system", "1-64 letters, digits, '_', '.' or '-'");
        }
        if (id.isBlank() || id.length() > MAX_ID) {
            throw new Refused("externalId.id", "1-" + MAX_ID + " characters");
        }
        return new InteractionInput.Who(null, null, new InteractionInput.ExternalId(system, id));
    }

    private OffsetDateTime time(JsonNode item, OffsetDateTime now, OffsetDateTime oldestKept) throws Refused {
        String text = text(item, "occurredAt", true);
        OffsetDateTime at;
        try {
            at = IsoTimes.parse(text);
        } catch (DateTimeParseException e) {
            throw new Refused("occurredAt", "an ISO-8601 time with an offset, e.g. 2026-11-30T09:15:00Z");
        }
        if (at.isAfter(now.plus(config.futureTolerance()))) {
            throw new Refused("occurredAt", "lies more than " + config.futureTolerance().toHours()
                    + " hours in the future; check the sender's clock");
        }
        if (at.isBefore(oldestKept)) {
            throw new Refused("occurredAt", "is older than the retention window (interactions are kept from "
                    + oldestKept.toLocalDate() + ")");
        }
        return at;
    }

    private ObjectNode properties(JsonNode item) throws Refused {
        JsonNode props = item.get("properties");
        if (props == null || props.isNull()) {
            return JsonNodeFactory.instance.objectNode();
        }
        if (!props.isObject()) {
            throw new Refused("properties", "an object of up to " + config.maxProperties() + " scalar values");
        }
        if (props.size() > config.maxProperties()) {
            throw new Refused("properties", "at most " + config.maxProperties() + " keys");
        }
        long bound = 2;
        for (Iterator<Map.Entry<String, JsonNode>> fields = props.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> e = fields.next();
            String field = "properties." + e.getKey();
            if (!PROPERTY.matcher(e.getKey()).matches()) {
                throw new Refused(field, "a key is 1-64 letters, digits, '_', '.', ':' or '-'");
            }
            JsonNode v = e.getValue();
            if (v.isTextual()) {
                if (v.textValue().length() > config.maxPropertyText()) {
                    throw new Refused(field, "at most " + config.maxPropertyText() + " characters");
                }
                bound += v.textValue().length() * 6L + 2;
            } else if (v.isNumber()) {
                bound += v.isBigInteger() || v.isBigDecimal() ? v.toString().length() : 25;
            } else if (v.isBoolean() || v.isNull()) {
                bound += 5;
            } else {
                throw new Refused(field, "a property is a string, number, boolean or null");
            }
            bound += e.getKey().length() + 4;
        }
        // an upper bound of the JSON's size (escapes included) first: writing it out is only needed near the limit
        if (bound > config.maxPropertiesBytes()
                && props.toString().getBytes(StandardCharsets.UTF_8).length > config.maxPropertiesBytes()) {
            throw new Refused("properties", "at most " + config.maxPropertiesBytes() + " bytes as JSON");
        }
        return (ObjectNode) props;
    }

    private static boolean present(JsonNode item, String field) {
        return item.has(field) && !item.get(field).isNull();
    }

    private static String text(JsonNode node, String field, boolean required) throws Refused {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw new Refused(field, "required");
            }
            return null;
        }
        if (!v.isTextual()) {
            throw new Refused(field, "a string");
        }
        String text = v.textValue();
        for (int i = 0; i < text.length(); i++) {
            if (Character.isISOControl(text.charAt(i))) {
                throw new Refused(field, "no control characters");
            }
        }
        return text;
    }

    private static UUID uuid(JsonNode node, String field, boolean required) throws Refused {
        String text = text(node, field, required);
        if (text == null) {
            return null;
        }
        try {
            UUID id = UUID.fromString(text);
            if (!id.toString().equalsIgnoreCase(text)) {
                throw new IllegalArgumentException();
            }
            return id;
        } catch (IllegalArgumentException e) {
            throw new Refused(field, "a UUID");
        }
    }
}
