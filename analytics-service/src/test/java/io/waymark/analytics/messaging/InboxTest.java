package io.waymark.analytics.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.waymark.testing.DevstackTestResource;
import io.waymark.platform.inbox.Inbox;
import jakarta.inject.Inject;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The inbox itself, on the real database: the mechanism every consumer's dedupe rests on. */
@QuarkusTest
@WithTestResource(DevstackTestResource.class)
class InboxTest {

    @Inject
    Inbox inbox;

    /** Runs a reactive transaction on a Vert.x context, as the consumers do, and waits for its result. */
    private static <T> T inTransaction(Supplier<Uni<T>> work) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(work));
    }

    @Test
    void recognisesASecondDeliveryPerConsumer() throws Throwable {
        UUID event = UUID.randomUUID();
        assertEquals(true, inTransaction(() -> inbox.firstDelivery(event, "test.a")));
        assertEquals(false, inTransaction(() -> inbox.firstDelivery(event, "test.a")));
        // another consumer of the same event keeps its own record
        assertEquals(true, inTransaction(() -> inbox.firstDelivery(event, "test.b")));
    }

    @Test
    void forgetsADeliveryWhoseTransactionRolledBack() throws Throwable {
        UUID event = UUID.randomUUID();
        // the change that should have gone with it failed: the event must count as not yet applied
        assertThrows(IllegalStateException.class, () -> inTransaction(() -> inbox.firstDelivery(event, "test.a")
                .flatMap(first -> Uni.createFrom().failure(new IllegalStateException("projection failed")))));
        assertEquals(true, inTransaction(() -> inbox.firstDelivery(event, "test.a")));
    }
}
