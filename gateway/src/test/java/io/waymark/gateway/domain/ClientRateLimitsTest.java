package io.waymark.gateway.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ClientRateLimitsTest {

    @Test
    void eachClientHasItsOwnWindowAndANewMinuteStartsAfresh() {
        AtomicLong now = new AtomicLong(60_000 * 1000 + 15_000);
        ClientRateLimits limits = new ClientRateLimits(now::get);
        for (int i = 0; i < 3; i++) {
            assertTrue(limits.take("public", "10.0.0.1", 3).isEmpty());
        }
        assertEquals(45, limits.take("public", "10.0.0.1", 3).getAsLong(), "until the minute ends");
        assertTrue(limits.take("public", "10.0.0.2", 3).isEmpty(), "another address");
        assertTrue(limits.take("other", "10.0.0.1", 3).isEmpty(), "another route");
        now.addAndGet(45_000);
        assertTrue(limits.take("public", "10.0.0.1", 3).isEmpty(), "the next minute");
    }
}
