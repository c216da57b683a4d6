package io.waymark.platform.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.waymark.contracts.CloudEvent;
import io.waymark.contracts.LifecycleStage;
import io.waymark.contracts.customer.CustomerCreated;
import io.waymark.testing.EventFixtures;
import org.junit.jupiter.api.Test;

/** The tolerant reader: what a newer producer adds never fails an event; what cannot be read is refused. */
class EventParsingTest {

    @Test
    void readsTheGoldenFixture() {
        CloudEvent envelope = EventDispatcher.parse(EventFixtures.load("customer.created.v1"));
        ReceivedEvent<CustomerCreated> event = EventDispatcher.typed(envelope, CustomerCreated.class);
        assertEquals(LifecycleStage.AWARENESS, event.data().stage());
        assertEquals(1L, event.aggregateVersion());
        assertEquals(event.subject(), event.data().customerId().toString());
    }

    @Test
    void unknownAttributesFieldsAndEnumValuesAreTolerated() {
        CloudEvent envelope = EventDispatcher.parse(EventFixtures.load("customer.created.v1.extra-fields"));
        ReceivedEvent<CustomerCreated> event = EventDispatcher.typed(envelope, CustomerCreated.class);
        assertNull(event.data().stage(), "a stage this version does not know reads as null");
        assertEquals("REACTIVATION", event.rawData().path("stage").asText(), "and stays readable raw");
    }

    @Test
    void unreadableEventsAreRefused() {
        assertThrows(InvalidEvent.class, () -> EventDispatcher.parse("not json"));
        assertThrows(InvalidEvent.class, () -> EventDispatcher.parse("{\"specversion\":\"1.0\",\"type\":\"x\"}"));
        CloudEvent noData = EventDispatcher.parse("{\"specversion\":\"1.0\",\"id\":\"019ab3c2-7e10-7c4a-9a51-3f0d2c6b8e01\",\"type\":\"x\"}");
        assertThrows(InvalidEvent.class, () -> EventDispatcher.typed(noData, CustomerCreated.class));
    }
}
