package io.waymark.analytics.insight;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.waymark.testing.KafkaTopics;
import io.waymark.testing.TestDatabase;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Events as the other services publish them (the fields of the contracts' golden fixtures), sent to the test
 * topics, and clean rollup days for a test's own period.
 */
final class Events {

    static final String CUSTOMERS = "test.customer.events";
    static final String MAPS = "test.journey.maps";
    static final String INTERACTIONS = "test.journey.interactions";
    static final String FEEDBACK = "test.feedback.events";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Events() {
    }

    static String event(String type, String subject, long version, Map<String, Object> data) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("specversion", "1.0");
        e.put("id", UUID.randomUUID().toString());
        e.put("source", "/test");
        e.put("type", "io.waymark." + type + ".v1");
        e.put("time", OffsetDateTime.now().toString());
        e.put("subject", subject);
        e.put("datacontenttype", "application/json");
        e.put("dataschema", "urn:waymark:" + type + ":1");
        e.put("aggregateversion", version);
        e.put("data", data);
        try {
            return JSON.writeValueAsString(e);
        } catch (Exception x) {
            throw new IllegalStateException(x);
        }
    }

    static String created(UUID customer, String stage, String at) {
        return event("customer.created", customer.toString(), 1,
                Map.of("customerId", customer.toString(), "stage", stage, "createdAt", at));
    }

    static String moved(UUID customer, long version, String from, String to, String at, long secondsInPrevious) {
        return event("customer.stage-changed", customer.toString(), version, Map.of("customerId", customer.toString(),
                "from", from, "to", to, "at", at, "cause", "manual", "secondsInPreviousStage", secondsInPrevious));
    }

    static String merged(String from, UUID into, String kind) {
        return event("customer.merged", from, 9, Map.of("fromId", from, "toCustomerId", into.toString(), "kind", kind,
                "at", OffsetDateTime.now().toString()));
    }

    static String erased(UUID customer) {
        return event("customer.erased", customer.toString(), 99, Map.of("customerId", customer.toString(),
                "erasedAt", OffsetDateTime.now().toString()));
    }

    /** An interaction of {@code customer} (or, when it starts with "anon:", of that anonymous visitor). */
    static String interaction(String subject, String at, List<Map<String, Object>> placements) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("interactionId", UUID.randomUUID().toString());
        if (subject.startsWith("anon:")) {
            data.put("anonymousId", subject.substring(5));
        } else {
            data.put("customerId", subject);
        }
        data.put("type", "page_view");
        data.put("channel", "web");
        data.put("occurredAt", at);
        data.put("properties", Map.of());
        data.put("placements", placements);
        return event("interaction.recorded", subject, 1, data);
    }

    static Map<String, Object> placement(UUID journey, String stageKey, String touchpoint) {
        return Map.of("journeyId", journey.toString(), "journeyVersion", 1, "stageKey", stageKey,
                "touchpointKey", touchpoint, "lifecycleStage", "PURCHASE");
    }

    static String answer(UUID customer, String kind, int score, double normalized, Double sentiment, String stage,
                         UUID journey, String touchpoint, String at) {
        return answer(customer, kind, score, normalized, sentiment, stage, "web", journey, touchpoint, at);
    }

    static String answer(UUID customer, String kind, int score, double normalized, Double sentiment, String stage,
                         String channel, UUID journey, String touchpoint, String at) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("responseId", UUID.randomUUID().toString());
        data.put("surveyId", UUID.randomUUID().toString());
        data.put("kind", kind);
        data.put("score", score);
        data.put("normalizedScore", normalized);
        if (sentiment != null) {
            data.put("sentiment", sentiment);
            data.put("sentimentLabel", sentiment >= 0.05 ? "positive" : sentiment <= -0.05 ? "negative" : "neutral");
        }
        data.put("customerId", customer.toString());
        if (journey != null) {
            data.put("journeyId", journey.toString());
            data.put("touchpointKey", touchpoint);
        }
        data.put("lifecycleStage", stage);
        data.put("channel", channel);
        data.put("recordedAt", at);
        return event("feedback.response-recorded", customer.toString(), 1, data);
    }

    /** feedback.case-opened (version 1) or, with {@code closed}, feedback.case-closed (version 2) of a case at a touchpoint. */
    static String caseEvent(UUID caseId, UUID customer, UUID journey, String touchpoint, boolean closed) {
        return caseEvent(caseId, customer, journey, touchpoint, closed, OffsetDateTime.now().toString());
    }

    static String caseEvent(UUID caseId, UUID customer, UUID journey, String touchpoint, boolean closed, String openedAt) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("caseId", caseId.toString());
        data.put("customerId", customer.toString());
        data.put("team", "product");
        data.put("priority", "normal");
        data.put("journeyId", journey.toString());
        data.put("touchpointKey", touchpoint);
        data.put("openedAt", openedAt);
        if (closed) {
            data.put("closedAt", OffsetDateTime.now().toString());
            data.put("secondsToResolve", 60);
        }
        return event(closed ? "feedback.case-closed" : "feedback.case-opened", caseId.toString(), closed ? 2 : 1, data);
    }

    /** journey.published of a map with one stage per list of touchpoints (key, designed emotion, expected duration). */
    static String published(UUID journey, int version, List<List<Object[]>> stages) {
        List<Map<String, Object>> stageList = new ArrayList<>();
        int s = 0;
        for (List<Object[]> touchpoints : stages) {
            List<Map<String, Object>> tps = new ArrayList<>();
            for (Object[] t : touchpoints) {
                Map<String, Object> tp = new LinkedHashMap<>();
                tp.put("key", t[0]);
                tp.put("name", "Touchpoint " + t[0]);
                tp.put("channel", "web");
                tp.put("ownerTeam", "product");
                tp.put("emotion", t[1]);
                tp.put("expectedDuration", t[2]);
                tp.put("painPoints", List.of(Map.of("text", "written down for " + t[0], "severity", 2)));
                tp.put("opportunities", List.of());
                tp.put("interactionTypes", List.of());
                tps.add(tp);
            }
            stageList.add(Map.of("key", "stage" + s, "name", "Stage " + s, "lifecycleStage", "PURCHASE",
                    "touchpoints", tps));
            s++;
        }
        return event("journey.published", journey.toString(), version, Map.of("journeyId", journey.toString(),
                "version", version, "publishedAt", OffsetDateTime.now().toString(), "name", "Test journey " + journey,
                "ownerTeam", "product", "stages", stageList));
    }

    static void send(String topic, String key, String... values) {
        try (KafkaCompanion kafka = KafkaTopics.companion()) {
            List<ProducerRecord<String, String>> records = new ArrayList<>();
            for (String v : values) {
                records.add(new ProducerRecord<>(topic, key, v));
            }
            kafka.produceStrings().fromRecords(records).awaitCompletion();
        }
    }

    /** Removes the retention cells of the week and month cohorts that {@code from..to} touch. */
    static void cleanCohorts(LocalDate from, LocalDate to) throws Exception {
        try (var c = TestDatabase.superuser("analytics_test");
             var st = c.prepareStatement("delete from retention_cell where (period = 'week' and cohort between ? and ?) "
                     + "or (period = 'month' and cohort between ? and ?)")) {
            st.setInt(1, io.waymark.analytics.domain.rollup.Days.week(from));
            st.setInt(2, io.waymark.analytics.domain.rollup.Days.week(to));
            st.setInt(3, io.waymark.analytics.domain.rollup.Days.month(from));
            st.setInt(4, io.waymark.analytics.domain.rollup.Days.month(to));
            st.execute();
        }
    }

    /** Removes every rollup row of the days {@code from..to}, so a test's own events are all the period holds. */
    static void cleanDays(LocalDate from, LocalDate to) throws Exception {
        try (var c = TestDatabase.superuser("analytics_test")) {
            for (String table : List.of("funnel_daily", "funnel_time", "stay_completed", "experience_daily")) {
                try (var st = c.prepareStatement("delete from " + table + " where day between ? and ?")) {
                    st.setObject(1, from);
                    st.setObject(2, to);
                    st.execute();
                }
            }
        }
    }
}
