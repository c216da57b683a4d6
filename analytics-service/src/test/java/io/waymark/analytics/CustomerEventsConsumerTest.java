package io.waymark.analytics;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.waymark.devstack.DevstackTestResource;
import io.waymark.devstack.Tokens;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(DevstackTestResource.class)
class CustomerEventsConsumerTest {

    private static final String TOPIC = "test.customer.events";

    @Inject
    DataSource db;

    private static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    private static KafkaProducer<String, String> producer() {
        Properties props = new Properties();
        props.put("bootstrap.servers", bootstrap());
        props.put("acks", "all");
        props.put("key.serializer", StringSerializer.class.getName());
        props.put("value.serializer", StringSerializer.class.getName());
        return new KafkaProducer<>(props);
    }

    private static String created(UUID eventId, UUID customerId, String stage) {
        return """
                {"specversion":"1.0","id":"%s","source":"/waymark/customer-service","type":"io.waymark.customer.created.v1",
                 "time":"%s","subject":"%s","datacontenttype":"application/json","dataschema":"urn:waymark:customer.created:1",
                 "data":{"customerId":"%s","email":"%s@example.com","firstName":null,"lastName":null,"stage":"%s","createdAt":"%s"}}
                """.formatted(eventId, OffsetDateTime.now(), customerId, customerId, customerId, stage, OffsetDateTime.now());
    }

    private static long customersIn(String stage) {
        Number n = given().auth().oauth2(Tokens.forRole("analyst")).get("/analytics/stages")
                .then().statusCode(200).extract().path("stages.find { it.stage == '" + stage + "' }.customers");
        return n.longValue();
    }

    private long rows(String sql, UUID id) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            st.setObject(1, id);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Test
    void aRedeliveredEventIsCountedOnce() throws Exception {
        UUID customer = UUID.randomUUID();
        UUID event = UUID.randomUUID();
        UUID marker = UUID.randomUUID();
        // ADVOCACY: only this test creates customers straight into it, so nothing else moves the count
        long before = customersIn("ADVOCACY");
        try (KafkaProducer<String, String> producer = producer()) {
            String payload = created(event, customer, "ADVOCACY");
            producer.send(new ProducerRecord<>(TOPIC, customer.toString(), payload)).get();
            producer.send(new ProducerRecord<>(TOPIC, customer.toString(), payload)).get();
            // same key, so same partition: once this one is applied, both copies before it were handled
            producer.send(new ProducerRecord<>(TOPIC, customer.toString(), created(UUID.randomUUID(), marker, "ADVOCACY"))).get();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> rows("select count(*) from customer_stage where customer_id = ?", marker) == 1);
        assertEquals(1, rows("select count(*) from customer_stage where customer_id = ?", customer));
        assertEquals(1, rows("select count(*) from inbox_event where event_id = ?", event));
        assertEquals(before + 2, customersIn("ADVOCACY"), "the redelivered event must not count twice");
    }

    @Test
    void anUnreadableEventGoesToTheDeadLetterTopicAndDoesNotBlockTheRest() throws Exception {
        UUID customer = UUID.randomUUID();
        Properties props = new Properties();
        props.put("bootstrap.servers", bootstrap());
        props.put("group.id", "dlq-test-" + UUID.randomUUID());
        props.put("auto.offset.reset", "earliest");
        props.put("key.deserializer", StringDeserializer.class.getName());
        props.put("value.deserializer", StringDeserializer.class.getName());
        try (KafkaProducer<String, String> producer = producer();
             KafkaConsumer<String, String> dlq = new KafkaConsumer<>(props)) {
            producer.send(new ProducerRecord<>(TOPIC, customer.toString(), "this is not json")).get();
            // a well-formed CloudEvent whose data lacks what the projection needs: dead-lettered, not retried forever
            String incomplete = created(UUID.randomUUID(), customer, "AWARENESS").replace("\"customerId\":\"" + customer + "\",", "");
            producer.send(new ProducerRecord<>(TOPIC, customer.toString(), incomplete)).get();
            producer.send(new ProducerRecord<>(TOPIC, customer.toString(), created(UUID.randomUUID(), customer, "AWARENESS"))).get();

            await().atMost(Duration.ofSeconds(30)).until(() -> rows("select count(*) from customer_stage where customer_id = ?", customer) == 1);
            dlq.subscribe(List.of("test.analytics.customer-events.dlq"));
            boolean unreadable = false;
            boolean withoutId = false;
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!(unreadable && withoutId) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : dlq.poll(Duration.ofMillis(500))) {
                    if (customer.toString().equals(r.key())) {
                        unreadable |= "this is not json".equals(r.value());
                        withoutId |= r.value().equals(incomplete);
                    }
                }
            }
            assertTrue(unreadable, "the unreadable event is on the dead-letter topic");
            assertTrue(withoutId, "the event without a customer id is on the dead-letter topic");
        }
    }

    @Test
    void stagesListEveryStageInLifecycleOrderForAnalystsOnly() {
        given().auth().oauth2(Tokens.forRole("analyst")).get("/analytics/stages")
                .then().statusCode(200)
                .body("stages.stage", contains("AWARENESS", "CONSIDERATION", "PURCHASE", "ONBOARDING", "RETENTION", "ADVOCACY"));
        given().auth().oauth2(Tokens.forRole("admin")).get("/analytics/stages").then().statusCode(200);
        given().get("/analytics/stages").then().statusCode(401);
        given().auth().oauth2(Tokens.forRole("designer")).get("/analytics/stages").then().statusCode(403);
    }

}
