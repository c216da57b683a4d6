package io.waymark.platform.outbox;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletionException;
import org.apache.kafka.common.errors.NetworkException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.junit.jupiter.api.Test;

/** Which Kafka failures count against a row (and may park it) and which are an outage that parks nothing. */
class KafkaFailuresTest {

    @Test
    void onlyErrorsAboutTheRecordItselfCountAgainstIt() {
        assertFalse(KafkaFailures.isKafkaAway(new CompletionException(new RecordTooLargeException("too large"))));
        assertFalse(KafkaFailures.isKafkaAway(new SerializationException("cannot serialize")));
    }

    @Test
    void brokersAwayTimeoutsAndSetupErrorsAreOutages() {
        assertTrue(KafkaFailures.isKafkaAway(new TimeoutException("metadata not available")));
        assertTrue(KafkaFailures.isKafkaAway(new NetworkException("disconnected")));
        assertTrue(KafkaFailures.isKafkaAway(new TopicAuthorizationException("no ACL")), "an ACL mistake must not park every row");
        assertTrue(KafkaFailures.isKafkaAway(new IllegalStateException("buffer full")));
    }
}
