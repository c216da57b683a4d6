package io.waymark.platform.outbox;

import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;

/** Tells a send that failed because of the record itself from one that failed because Kafka is away. */
final class KafkaFailures {

    private KafkaFailures() {
    }

    /**
     * Only an error about this very record (too large, invalid, unserializable, a topic name Kafka refuses)
     * counts against the row. Anything else (a broker that does not answer, a timeout, a full buffer, and
     * also authorisation or producer-state errors, which would refuse every row alike) is an outage.
     */
    static boolean isKafkaAway(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof RecordTooLargeException || t instanceof RecordBatchTooLargeException
                    || t instanceof InvalidRecordException || t instanceof InvalidTopicException
                    || t instanceof SerializationException) {
                return false;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return true;
    }
}
