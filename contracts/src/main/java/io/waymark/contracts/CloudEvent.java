package io.waymark.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The envelope of every Waymark event on Kafka: a CloudEvents 1.0 event in structured JSON mode (the whole
 * envelope is the record value; the record key is the subject, i.e. the customer id).
 *
 * @param id               time-ordered (UUID version 7); consumers dedupe by it
 * @param dataschema       names the event's schema and its version, e.g. {@code urn:waymark:customer.created:1}
 * @param aggregateversion extension attribute: the version of the aggregate (customer, map, survey, ...) this
 *                         change produced, 1 for its creation and one more for each change, so consumers can
 *                         apply changes in order and ignore stale ones
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CloudEvent(String specversion, UUID id, String source, String type, OffsetDateTime time,
                         String subject, String datacontenttype, String dataschema, Long aggregateversion,
                         JsonNode data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String CONTENT_TYPE = "application/cloudevents+json; charset=UTF-8";
    public static final String DATA_CONTENT_TYPE = "application/json";
}
