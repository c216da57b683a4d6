package io.waymark.platform.messaging;

/** An event that can never be applied (unreadable, or lacking what its type needs): dead-lettered at once, not retried. */
public class InvalidEvent extends RuntimeException {

    public InvalidEvent(String message) {
        super(message, null, false, false);
    }
}
