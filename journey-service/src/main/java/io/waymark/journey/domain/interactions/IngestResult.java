package io.waymark.journey.domain.interactions;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.UUID;

/**
 * What became of each item of an ingest request, in request order: accepted (durable in the interaction
 * log), duplicate (its id was seen before: not stored again) or rejected (why, which field, and whether sending
 * it again later may succeed).
 */
public record IngestResult(int accepted, int duplicates, int rejected, int unplaced, List<Item> results) {

    public enum Status {
        accepted, duplicate, rejected
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(int index, UUID id, Status status, String field, String reason, Boolean retryable) {

        static Item accepted(int index, UUID id) {
            return new Item(index, id, Status.accepted, null, null, null);
        }

        static Item duplicate(int index, UUID id) {
            return new Item(index, id, Status.duplicate, null, null, null);
        }

        static Item rejected(int index, UUID id, String field, String reason) {
            return new Item(index, id, Status.rejected, field == null || field.isEmpty() ? null : field, reason, null);
        }

        /** Not refused for what it says, but not stored either (a service it needs did not answer): send it again. */
        static Item notStored(int index, UUID id, String reason) {
            return new Item(index, id, Status.rejected, null, reason, true);
        }
    }

    static IngestResult of(List<Item> results, int unplaced) {
        int accepted = 0;
        int duplicates = 0;
        for (Item item : results) {
            if (item.status() == Status.accepted) {
                accepted++;
            } else if (item.status() == Status.duplicate) {
                duplicates++;
            }
        }
        return new IngestResult(accepted, duplicates, results.size() - accepted - duplicates, unplaced, results);
    }
}
