package io.waymark.platform.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * An event as a handler sees it: the envelope's facts and the typed data. {@code rawData} keeps what the
 * typed record could not hold (an enum value this version does not know, read as null in {@code data}).
 */
public record ReceivedEvent<T>(UUID id, String type, String subject, OffsetDateTime time, Long aggregateVersion,
                               T data, JsonNode rawData) {
}
