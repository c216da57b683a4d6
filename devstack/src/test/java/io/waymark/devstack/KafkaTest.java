package io.waymark.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class KafkaTest {

    @Test
    void clusterIdsAreSixteenBytesAndNeverLookLikeAnOption() {
        // about one random id in 64 starts with '-'; ten thousand draws make missing the redraw near impossible
        for (int i = 0; i < 10_000; i++) {
            String id = Kafka.clusterId();
            assertFalse(id.startsWith("-"), id);
            assertEquals(22, id.length(), id);
            assertEquals(16, Base64.getUrlDecoder().decode(id).length);
        }
    }
}
