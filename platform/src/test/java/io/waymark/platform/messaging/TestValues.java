package io.waymark.platform.messaging;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.waymark.contracts.EventType;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** A batch channel of the platform's test application and its one handler, which records what it applied. */
@ApplicationScoped
public class TestValues {

    public static final EventType TYPE = new EventType("platform.test-value", 1);
    public static final String CHANNEL = "batch-test";
    public static final EventType MIXED_A = new EventType("platform.test-mixed-a", 1);
    public static final EventType MIXED_B = new EventType("platform.test-mixed-b", 1);

    public record TestValue(String value) {
    }

    private final EventBatchDispatcher dispatcher;

    TestValues(EventBatchDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(ConsumerRecords<String, String> records) {
        return dispatcher.dispatch(CHANNEL, records);
    }

    /**
     * Inserts every event it is given; "poison" can never apply, "reject" is a value the database refuses;
     * values starting with "single" are also handed on to {@link Single}, one by one.
     */
    @ApplicationScoped
    public static class Handler implements BatchEventHandler<TestValue> {

        @Override
        public EventType type() {
            return TYPE;
        }

        @Override
        public Class<TestValue> dataType() {
            return TestValue.class;
        }

        @Override
        public Uni<Void> handleAll(List<ReceivedEvent<TestValue>> events, SqlConnection tx) {
            for (ReceivedEvent<TestValue> e : events) {
                if ("poison".equals(e.data().value())) {
                    throw new InvalidEvent("event " + e.id() + " is poison");
                }
            }
            // "reject" makes the cast fail inside PostgreSQL (22P02): a data error, never transient
            return tx.preparedQuery("insert into batch_applied (event_id, key, value) "
                            + "select e, $2, v from unnest($1::uuid[], $3::text[]) as t(e, v) "
                            + "where case when v = 'reject' then v::int > 0 else true end")
                    .execute(Tuple.of(events.stream().map(ReceivedEvent::id).toArray(UUID[]::new),
                            events.get(0).subject(), events.stream().map(e -> e.data().value()).toArray(String[]::new)))
                    .replaceWithVoid();
        }

        @Override
        public Uni<List<ReceivedEvent<TestValue>>> oneByOne(List<ReceivedEvent<TestValue>> events, SqlConnection tx) {
            return Uni.createFrom().item(events.stream().filter(e -> e.data().value().startsWith("single")).toList());
        }
    }

    /** Handles two types together: records one row per call, its events' values in the order it got them. */
    @ApplicationScoped
    public static class Mixed implements MixedBatchHandler {

        @Override
        public java.util.Map<EventType, Class<?>> types() {
            return java.util.Map.of(MIXED_A, TestValue.class, MIXED_B, TestValue.class);
        }

        @Override
        public Uni<Void> handleAll(List<ReceivedEvent<?>> events, SqlConnection tx) {
            String values = String.join(" ", events.stream().map(e -> ((TestValue) e.data()).value()).toList());
            return tx.preparedQuery("insert into batch_applied (event_id, key, value) values ($1, $2, $3)")
                    .execute(Tuple.of(events.get(0).id(), events.get(0).subject(), values)).replaceWithVoid();
        }
    }

    /** The one-by-one path: records the value again, marked, through Hibernate's session like any EventHandler. */
    @ApplicationScoped
    public static class Single implements EventHandler<TestValue> {

        @Override
        public EventType type() {
            return TYPE;
        }

        @Override
        public Class<TestValue> dataType() {
            return TestValue.class;
        }

        @Override
        public Uni<Void> handle(ReceivedEvent<TestValue> event) {
            return io.quarkus.hibernate.reactive.panache.Panache.getSession().flatMap(s -> s
                    .createNativeQuery("insert into batch_applied (event_id, key, value) values (:id, :key, :value)")
                    .setParameter("id", event.id()).setParameter("key", event.subject())
                    .setParameter("value", event.data().value() + " (one by one)").executeUpdate()).replaceWithVoid();
        }
    }
}
