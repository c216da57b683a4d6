package io.waymark.platform.messaging;

import io.waymark.contracts.journey.InteractionRecorded;

/** What every consumer of the interaction stream needs of an {@code interaction.recorded} to apply it at all. */
public final class InteractionEvents {

    private InteractionEvents() {
    }

    /** Throws {@link InvalidEvent} (dead-lettered, never retried) unless the event says who, what, how and when. */
    public static void requireComplete(ReceivedEvent<InteractionRecorded> event) {
        InteractionRecorded r = event.data();
        if (r.interactionId() == null || r.type() == null || r.channel() == null || r.occurredAt() == null
                || (r.customerId() == null && r.anonymousId() == null)) {
            throw new InvalidEvent("interaction event " + event.id() + " needs an interactionId, type, channel, "
                    + "occurredAt and a customer or anonymous id");
        }
    }
}
