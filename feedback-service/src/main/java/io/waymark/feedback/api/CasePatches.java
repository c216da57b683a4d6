package io.waymark.feedback.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.waymark.feedback.domain.cases.CaseChange;
import io.waymark.platform.api.IfMatch;
import io.waymark.platform.domain.Invalid;
import io.waymark.platform.domain.Invalid.FieldError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a case PATCH: {@code status}, {@code assignee} (null or "" unassigns), {@code rootCause},
 * {@code rootCauseText}, {@code note}, {@code followUpInvitation}. Read from the JSON tree, since an assignee
 * set to null (unassign) and one left out (unchanged) must differ.
 */
final class CasePatches {

    private CasePatches() {
    }

    static CaseChange read(JsonNode patch, String ifMatch) {
        if (patch == null || !patch.isObject()) {
            throw Invalid.field("(body)", "a JSON object");
        }
        List<FieldError> errors = new ArrayList<>();
        String status = null;
        CaseChange.Assignee assignee = null;
        String rootCause = null;
        String rootCauseText = null;
        String note = null;
        boolean followUp = false;
        for (Map.Entry<String, JsonNode> field : patch.properties()) {
            JsonNode value = field.getValue();
            switch (field.getKey()) {
                case "status" -> status = text(errors, "status", value);
                case "assignee" -> {
                    String to = value.isNull() ? null : text(errors, "assignee", value);
                    assignee = new CaseChange.Assignee(to == null || to.isBlank() ? null : to.strip());
                }
                case "rootCause" -> rootCause = text(errors, "rootCause", value);
                case "rootCauseText" -> rootCauseText = text(errors, "rootCauseText", value);
                case "note" -> note = text(errors, "note", value);
                case "followUpInvitation" -> {
                    if (value.isBoolean()) {
                        followUp = value.booleanValue();
                    } else {
                        errors.add(new FieldError("followUpInvitation", "true or false"));
                    }
                }
                default -> errors.add(new FieldError(field.getKey(), "unknown field (patchable: status, assignee, "
                        + "rootCause, rootCauseText, note, followUpInvitation)"));
            }
        }
        if (!errors.isEmpty()) {
            throw new Invalid("the change is not valid", errors);
        }
        return new CaseChange(status, assignee, rootCause, rootCauseText, note, followUp, IfMatch.expectedVersion(ifMatch));
    }

    private static String text(List<FieldError> errors, String field, JsonNode value) {
        if (!value.isTextual()) {
            errors.add(new FieldError(field, "text"));
            return null;
        }
        return value.textValue();
    }
}
