package io.waymark.customer.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.waymark.customer.domain.PatchCustomer;
import io.waymark.platform.api.IfMatch;
import io.waymark.platform.domain.Invalid;
import io.waymark.platform.domain.Invalid.FieldError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads an RFC 7396 merge patch of a customer and the {@code If-Match} that may come with it. */
final class MergePatches {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final ObjectMapper JSON = new ObjectMapper();

    private MergePatches() {
    }

    static PatchCustomer read(JsonNode patch, String ifMatch) {
        if (patch == null || !patch.isObject()) {
            throw Invalid.field("(body)", "a merge patch is a JSON object");
        }
        List<FieldError> errors = new ArrayList<>();
        Optional<String> email = Optional.empty();
        Optional<Optional<String>> firstName = Optional.empty();
        Optional<Optional<String>> lastName = Optional.empty();
        Optional<Map<String, Object>> traits = Optional.empty();
        Optional<Map<String, String>> externalIds = Optional.empty();
        for (Map.Entry<String, JsonNode> field : patch.properties()) {
            JsonNode value = field.getValue();
            switch (field.getKey()) {
                case "email" -> {
                    if (!value.isTextual() || value.asText().length() > 254 || !EMAIL.matcher(value.asText().trim()).matches()) {
                        errors.add(new FieldError("email", "must be a well-formed email address (it cannot be removed)"));
                    } else {
                        email = Optional.of(value.asText());
                    }
                }
                case "firstName", "lastName" -> {
                    if (!value.isNull() && (!value.isTextual() || value.asText().length() > 100)) {
                        errors.add(new FieldError(field.getKey(), "text of at most 100 characters, or null to remove it"));
                    } else if (field.getKey().equals("firstName")) {
                        firstName = Optional.of(Optional.ofNullable(value.isNull() ? null : value.asText()));
                    } else {
                        lastName = Optional.of(Optional.ofNullable(value.isNull() ? null : value.asText()));
                    }
                }
                case "traits" -> {
                    if (!value.isObject()) {
                        errors.add(new FieldError("traits", "an object of traits (a null value removes one)"));
                    } else {
                        Map<String, Object> changes = new LinkedHashMap<>();
                        value.properties().forEach(t -> changes.put(t.getKey(),
                                t.getValue().isNull() ? null : JSON.convertValue(t.getValue(), Object.class)));
                        traits = Optional.of(changes);
                    }
                }
                case "externalIds" -> {
                    if (!value.isObject()) {
                        errors.add(new FieldError("externalIds", "an object of system → id (a null value removes one)"));
                    } else {
                        Map<String, String> changes = new LinkedHashMap<>();
                        value.properties().forEach(e -> {
                            if (e.getValue().isNull() || e.getValue().isTextual()) {
                                changes.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asText());
                            } else {
                                errors.add(new FieldError("externalIds." + e.getKey(), "an id is text"));
                            }
                        });
                        externalIds = Optional.of(changes);
                    }
                }
                default -> errors.add(new FieldError(field.getKey(),
                        "unknown field (patchable: email, firstName, lastName, traits, externalIds)"));
            }
        }
        if (!errors.isEmpty()) {
            throw new Invalid("invalid merge patch", errors);
        }
        return new PatchCustomer(email, firstName, lastName, traits, externalIds, IfMatch.expectedVersion(ifMatch));
    }
}
