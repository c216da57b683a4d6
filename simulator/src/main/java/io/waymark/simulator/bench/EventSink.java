package io.waymark.simulator.bench;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The facts as the owning services publish them (CloudEvents JSON, as in the contracts' golden fixtures),
 * produced to {@code <prefix>customer.events}, {@code journey.maps}, {@code journey.interactions} and
 * {@code feedback.events}, keyed like the services key them.
 */
final class EventSink implements BenchWorld.Sink, AutoCloseable {

    static final String[] TOPICS = {"customer.events", "journey.maps", "journey.interactions", "feedback.events"};

    private final KafkaProducer<String, String> producer;
    private final String prefix;
    private final AtomicLong sent = new AtomicLong();
    private final long[] perTopic = new long[TOPICS.length];
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    private long ids;
    private boolean closed;

    EventSink(String bootstrap, String prefix) {
        this.prefix = prefix;
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4",
                ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024,
                ProducerConfig.BUFFER_MEMORY_CONFIG, 128L * 1024 * 1024),
                new StringSerializer(), new StringSerializer());
    }

    long sent() {
        return sent.get();
    }

    /** Records sent to each of {@link #TOPICS}. */
    long[] perTopic() {
        return perTopic.clone();
    }

    private String envelope(String type, String subject, long version, long at, String data) {
        return "{\"specversion\":\"1.0\",\"id\":\"" + new UUID(0xBE1C4L, ++ids) + "\",\"source\":\"/waymark/bench\","
                + "\"type\":\"io.waymark." + type + ".v1\",\"time\":\"" + time(at) + "\",\"subject\":\"" + subject
                + "\",\"datacontenttype\":\"application/json\",\"dataschema\":\"urn:waymark:" + type + ":1\","
                + "\"aggregateversion\":" + version + ",\"data\":" + data + "}";
    }

    private static String time(long epochSecond) {
        return Instant.ofEpochSecond(epochSecond).toString();
    }

    private void send(String topic, String key, String value) {
        perTopic[java.util.Arrays.asList(TOPICS).indexOf(topic)]++;
        Exception failed = failure.get();
        if (failed != null) {
            throw new IllegalStateException("producing to Kafka failed", failed);
        }
        producer.send(new ProducerRecord<>(prefix + topic, key, value), (meta, e) -> {
            if (e != null) {
                failure.compareAndSet(null, e);
            } else {
                sent.incrementAndGet();
            }
        });
    }

    @Override
    public void journey(UUID id, int index) {
        StringBuilder stages = new StringBuilder();
        for (int s = 0; s < 2; s++) {
            stages.append(s == 0 ? "" : ",").append("{\"key\":\"s").append(s).append("\",\"name\":\"Stage ").append(s)
                    .append("\",\"lifecycleStage\":\"").append(s == 0 ? "CONSIDERATION" : "PURCHASE").append("\",\"touchpoints\":[");
            for (int t = s * 4; t < s * 4 + 4; t++) {
                stages.append(t == s * 4 ? "" : ",").append("{\"key\":\"").append(BenchWorld.touchpointKey(t))
                        .append("\",\"name\":\"Touchpoint ").append(t).append("\",\"channel\":\"web\",\"ownerTeam\":\"product\",")
                        .append("\"emotion\":").append(t % 3 - 1).append(",\"expectedDuration\":\"PT12H\",")
                        .append("\"painPoints\":[],\"opportunities\":[],\"interactionTypes\":[]}");
            }
            stages.append("]}");
        }
        String data = "{\"journeyId\":\"" + id + "\",\"version\":1,\"publishedAt\":\"" + Instant.now()
                + "\",\"name\":\"Bench journey " + index + "\",\"ownerTeam\":\"product\",\"stages\":[" + stages + "]}";
        send("journey.maps", id.toString(), envelope("journey.published", id.toString(), 1,
                Instant.now().getEpochSecond(), data));
    }

    @Override
    public void created(UUID customer, String stage, long at) {
        send("customer.events", customer.toString(), envelope("customer.created", customer.toString(), 1, at,
                "{\"customerId\":\"" + customer + "\",\"stage\":\"" + stage + "\",\"createdAt\":\"" + time(at) + "\"}"));
    }

    @Override
    public void moved(UUID customer, long version, int from, int to, long at, long secondsInPrevious) {
        send("customer.events", customer.toString(), envelope("customer.stage-changed", customer.toString(), version, at,
                "{\"customerId\":\"" + customer + "\",\"from\":\"" + BenchWorld.STAGES[from] + "\",\"to\":\""
                        + BenchWorld.STAGES[to] + "\",\"at\":\"" + time(at) + "\",\"cause\":\"import\","
                        + "\"secondsInPreviousStage\":" + secondsInPrevious + "}"));
    }

    @Override
    public void interaction(String subject, boolean anonymous, long at, String channel, UUID journey, int touchpoint) {
        String placements = journey == null ? "[]" : "[{\"journeyId\":\"" + journey + "\",\"journeyVersion\":1,"
                + "\"stageKey\":\"s" + touchpoint / 4 + "\",\"touchpointKey\":\"" + BenchWorld.touchpointKey(touchpoint)
                + "\",\"lifecycleStage\":\"PURCHASE\"}]";
        String data = "{\"interactionId\":\"" + new UUID(0x1A7E4L, ids + 1) + "\",\"" + (anonymous ? "anonymousId" : "customerId")
                + "\":\"" + subject + "\",\"type\":\"page_view\",\"channel\":\"" + channel + "\",\"occurredAt\":\""
                + time(at) + "\",\"properties\":{},\"placements\":" + placements + "}";
        send("journey.interactions", subject, envelope("interaction.recorded", subject, 1, at, data));
    }

    @Override
    public void answer(UUID customer, String kind, int score, double normalized, Double sentiment, String stage,
                       String channel, UUID journey, int touchpoint, long at) {
        StringBuilder data = new StringBuilder("{\"responseId\":\"").append(new UUID(0xA45L, ids + 1))
                .append("\",\"surveyId\":\"").append(new UUID(0x5L, kind.hashCode())).append("\",\"kind\":\"").append(kind)
                .append("\",\"score\":").append(score).append(",\"normalizedScore\":").append(normalized);
        if (sentiment != null) {
            data.append(",\"sentiment\":").append(sentiment).append(",\"sentimentLabel\":\"")
                    .append(RawSink.label(sentiment)).append('"');
        }
        data.append(",\"customerId\":\"").append(customer).append('"');
        if (journey != null) {
            data.append(",\"journeyId\":\"").append(journey).append("\",\"touchpointKey\":\"")
                    .append(BenchWorld.touchpointKey(touchpoint)).append('"');
        }
        data.append(",\"lifecycleStage\":\"").append(stage).append("\",\"channel\":\"").append(channel)
                .append("\",\"recordedAt\":\"").append(time(at)).append("\"}");
        send("feedback.events", customer.toString(), envelope("feedback.response-recorded", customer.toString(), 1, at,
                data.toString()));
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        producer.flush();
        producer.close();
        Exception failed = failure.get();
        if (failed != null) {
            throw new IllegalStateException("producing to Kafka failed", failed);
        }
    }
}
